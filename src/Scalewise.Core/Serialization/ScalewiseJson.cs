using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scalewise.Core.Serialization;

/// <summary>The one JSON shape Scalewise speaks: camelCase properties, enums by name ("GreaterThan", as Azure autoscale writes them), durations in ISO 8601, unknown fields refused.</summary>
public static class ScalewiseJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new IsoDurationConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
