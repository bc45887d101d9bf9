using System.Text.Json;
using Scalewise.Core.Serialization;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// The body of <c>POST /api/targets/{target}/scale</c>: <c>{"capacity": 5, "reason": "...", "requestedBy": "..."}</c> for a
/// scale set, <c>{"sku": "Standard_D4s_v3", ...}</c> for a VM or a Redis cache. Exactly one of the two is set.
/// </summary>
public sealed record ManualScaleCommand(int? Capacity, string? Sku, string? Reason, string? RequestedBy)
{
    private static readonly string[] KnownFields = ["capacity", "sku", "reason", "requestedBy"];

    /// <summary>Parses the body; on failure returns null and a problem that names the field.</summary>
    public static ManualScaleCommand? Parse(string? body, out ApiProblem? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            problem = ApiProblem.Validation("capacity", "The body is empty; send {\"capacity\": <whole number>, \"reason\": \"...\"}.");
            return null;
        }

        if (JsonInputCheck.FindProblem(body) is { } oddity)
        {
            problem = ApiProblem.Validation(FieldOf(oddity.Path), "The body " + oddity.Message);
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            problem = ApiProblem.Validation("body", $"The body is not valid JSON ({ex.Message}).");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = ApiProblem.Validation("body", "The body must be a JSON object such as {\"capacity\": 5}.");
                return null;
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    problem = ApiProblem.Validation(property.Name, $"Unknown field '{property.Name}'; accepted fields are capacity (scale sets), sku (VMs and Redis caches), reason and requestedBy.");
                    return null;
                }
            }

            var hasCapacity = root.TryGetProperty("capacity", out var capacity);
            var hasSku = root.TryGetProperty("sku", out var skuElement);
            if (hasCapacity && hasSku)
            {
                problem = ApiProblem.Validation("sku", "Send either 'capacity' (a scale set's instance count) or 'sku' (a VM size or Redis SKU), not both.");
                return null;
            }

            if (hasSku)
            {
                if (skuElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(skuElement.GetString()))
                {
                    problem = ApiProblem.Validation("sku", $"The field 'sku' must be a SKU name such as \"Standard_D4s_v3\" or \"Premium_P2\"; got {skuElement.GetRawText()}.");
                    return null;
                }

                var skuReason = ReadOptionalString(root, "reason", ref problem);
                var skuRequestedBy = ReadOptionalString(root, "requestedBy", ref problem);
                return problem is null ? new ManualScaleCommand(null, skuElement.GetString()!.Trim(), skuReason, skuRequestedBy) : null;
            }

            if (!hasCapacity)
            {
                problem = ApiProblem.Validation("capacity", "The field 'capacity' is required: the number of instances wanted (or 'sku' for a VM or Redis target).");
                return null;
            }

            if (capacity.ValueKind != JsonValueKind.Number || !capacity.TryGetInt32(out var value))
            {
                problem = ApiProblem.Validation("capacity", $"The field 'capacity' must be a whole number; got {capacity.GetRawText()}.");
                return null;
            }

            if (value < 0)
            {
                problem = ApiProblem.Validation("capacity", $"The field 'capacity' must not be negative; got {value}.");
                return null;
            }

            var reason = ReadOptionalString(root, "reason", ref problem);
            var requestedBy = ReadOptionalString(root, "requestedBy", ref problem);
            return problem is null ? new ManualScaleCommand(value, null, reason, requestedBy) : null;
        }
    }

    private static string? ReadOptionalString(JsonElement root, string name, ref ApiProblem? problem)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            problem ??= ApiProblem.Validation(name, $"The field '{name}' must be a string.");
            return null;
        }

        return element.GetString();
    }

    /// <summary>The body field a JSON path points into (<c>$.reason</c> is <c>reason</c>); <c>body</c> for the whole.</summary>
    private static string FieldOf(string path)
    {
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : string.Empty;
        var end = field.IndexOfAny(['.', '[']);
        field = end < 0 ? field : field[..end];
        return field.Length == 0 ? "body" : field;
    }
}
