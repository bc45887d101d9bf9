using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitMetricFieldsOfFormulaTriggers } },
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new IsoDurationConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>A formula trigger reads named metrics, so its own metric fields (all defaults) are not written.</summary>
    private static void OmitMetricFieldsOfFormulaTriggers(JsonTypeInfo info)
    {
        if (info.Type != typeof(Policies.MetricTrigger))
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (Policies.MetricTrigger.MetricFields.Contains(property.Name))
            {
                property.ShouldSerialize = (trigger, value) => ((Policies.MetricTrigger)trigger).Formula is null && value is not null;
            }
        }
    }
}
