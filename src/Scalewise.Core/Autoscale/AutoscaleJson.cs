using System.Text.Json;

namespace Scalewise.Core.Autoscale;

/// <summary>
/// Reading an autoscale setting as Azure writes it: fields in camelCase or PascalCase, numbers as numbers or strings,
/// anything missing or of another kind read as absent, and JSON paths for warnings.
/// </summary>
internal static class AutoscaleJson
{
    internal static string? Field(JsonElement parent, string pascalName) =>
        String(parent, pascalName) ?? String(parent, char.ToLowerInvariant(pascalName[0]) + pascalName[1..]);

    internal static IEnumerable<string> List(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())
            : [];

    internal static string Path(string array, int index) => string.Create(CultureInfo.InvariantCulture, $"{array}[{index}]");

    internal static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static string Raw(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value.GetRawText() : "(none)";

    /// <summary>A whole number written as a number or, as Azure writes capacities and action values, as a string.</summary>
    internal static int? Integer(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    internal static double? Number(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
