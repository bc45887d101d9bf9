using System.Text.Json.Nodes;

namespace Scalewise.Infrastructure.Tests;

/// <summary>
/// A resource in a compiled ARM template, with the (nested) template that declares it, so that its
/// <c>[variables('...')]</c> expressions can be resolved, and the module deployment it belongs to.
/// </summary>
internal sealed record ArmResource(JsonObject Body, JsonObject Template, ArmResource? Deployment)
{
    public string Type => (string)Body["type"]!;

    public string Name => (string)Body["name"]!;

    public JsonObject Properties => Body["properties"]?.AsObject() ?? [];

    /// <summary>The module's name in main.bicep (its deployment name), or null at the root.</summary>
    public string? ModuleName => Deployment?.Name;

    /// <summary>A variable of the declaring template, or the node itself when it is not a variable reference.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text)
            && text.StartsWith("[variables('", StringComparison.Ordinal) && text.EndsWith("')]", StringComparison.Ordinal))
        {
            var variable = text["[variables('".Length..^"')]".Length];
            return Template["variables"]?[variable];
        }

        return node;
    }
}
