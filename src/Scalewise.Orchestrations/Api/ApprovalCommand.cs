using System.Text.Json;
using Scalewise.Core.Serialization;

namespace Scalewise.Orchestrations.Api;

/// <summary>The body of <c>POST /api/procedures/{id}/approve</c> and <c>/reject</c>: <c>{"by": "alice@contoso.com", "comment": "..."}</c>.</summary>
public sealed record ApprovalCommand(string By, string? Comment)
{
    /// <summary>Parses the body; on failure returns null and a problem that names the field.</summary>
    public static ApprovalCommand? Parse(string? body, out ApiProblem? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            problem = ApiProblem.Validation("by", "The body is empty; send {\"by\": \"<who answers>\", \"comment\": \"...\"}.");
            return null;
        }

        if (JsonInputCheck.FindProblem(body) is { } oddity)
        {
            problem = ApiProblem.Validation(FieldOf(oddity.Path), "The body " + oddity.Message);
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = ApiProblem.Validation("body", "The body must be a JSON object such as {\"by\": \"alice@contoso.com\"}.");
                return null;
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("by" or "comment"))
                {
                    problem = ApiProblem.Validation(property.Name, $"Unknown field '{property.Name}'; accepted fields are by and comment.");
                    return null;
                }

                if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    problem = ApiProblem.Validation(property.Name, $"The field '{property.Name}' must be a string.");
                    return null;
                }
            }

            var by = root.TryGetProperty("by", out var byElement) ? byElement.GetString() : null;
            if (string.IsNullOrWhiteSpace(by))
            {
                problem = ApiProblem.Validation("by", "The field 'by' is required: who approves or rejects (it is recorded in history).");
                return null;
            }

            var comment = root.TryGetProperty("comment", out var commentElement) ? commentElement.GetString() : null;
            return new ApprovalCommand(by, comment);
        }
        catch (JsonException ex)
        {
            problem = ApiProblem.Validation("body", $"The body is not valid JSON ({ex.Message}).");
            return null;
        }
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
