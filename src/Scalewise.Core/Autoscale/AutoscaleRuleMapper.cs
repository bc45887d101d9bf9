using System.Text.Json;
using System.Text.Json.Nodes;
using static Scalewise.Core.Autoscale.AutoscaleJson;

namespace Scalewise.Core.Autoscale;

/// <summary>
/// One autoscale rule as a Scalewise rule: its metric trigger (metric, namespace, resource, dimension filters, grain,
/// statistic, window, aggregation, operator, threshold, division per instance) and its scale action (ChangeCount,
/// PercentChangeCount, ExactCount with the cooldown). What the rule cannot say becomes a warning naming its JSON path.
/// </summary>
internal static class AutoscaleRuleMapper
{
    private static readonly Dictionary<string, TimeAggregation> Statistics = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Average"] = TimeAggregation.Average,
        ["Min"] = TimeAggregation.Minimum,
        ["Minimum"] = TimeAggregation.Minimum,
        ["Max"] = TimeAggregation.Maximum,
        ["Maximum"] = TimeAggregation.Maximum,
        ["Sum"] = TimeAggregation.Total,
        ["Total"] = TimeAggregation.Total,
        ["Count"] = TimeAggregation.Count,
    };

    /// <summary>
    /// Autoscale takes any grain from PT1M to PT12H, Azure Monitor's metrics API only some: another grain becomes the longest
    /// accepted one below it (statistic per finer grain, same window), with a warning.
    /// </summary>
    private static string? Grain(string? text, string path, List<AutoscaleImportWarning> warnings)
    {
        if (text is null || !TryDuration(text, out var grain) || grain < MetricTimeGrains.Accepted[0] || MetricTimeGrains.IsAccepted(grain))
        {
            return text;
        }

        var accepted = System.Xml.XmlConvert.ToString(MetricTimeGrains.AtMost(grain));
        warnings.Add(new(path, $"time grain {text} is not one Azure Monitor's metrics API accepts ({MetricTimeGrains.Names}); imported as {accepted}."));
        return accepted;
    }

    private static bool TryDuration(string text, out TimeSpan value)
    {
        try
        {
            value = System.Xml.XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            value = default;
            return false;
        }
    }

    internal static JsonObject? MapRule(JsonElement rule, string path, string target, HashSet<string> names, List<AutoscaleImportWarning> warnings)
    {
        if (rule.ValueKind != JsonValueKind.Object
            || !rule.TryGetProperty("metricTrigger", out var trigger) || trigger.ValueKind != JsonValueKind.Object
            || !rule.TryGetProperty("scaleAction", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            warnings.Add(new(path, "the rule was not imported: it needs a \"metricTrigger\" and a \"scaleAction\" object."));
            return null;
        }

        var metricName = String(trigger, "metricName");
        if (string.IsNullOrEmpty(metricName))
        {
            warnings.Add(new(path + ".metricTrigger.metricName", "the rule was not imported: it names no metric."));
            return null;
        }

        JsonArray? filters = null;
        if (trigger.TryGetProperty("dimensions", out var dimensions) && dimensions.ValueKind == JsonValueKind.Array && dimensions.GetArrayLength() > 0)
        {
            filters = MapDimensions(dimensions, path + ".metricTrigger.dimensions", warnings);
            if (filters is null)
            {
                return null;
            }
        }

        var statisticText = String(trigger, "statistic");
        var aggregationText = String(trigger, "timeAggregation");
        var operatorText = String(trigger, "operator");
        if (statisticText is null || !Statistics.TryGetValue(statisticText, out var statistic))
        {
            warnings.Add(new(path + ".metricTrigger.statistic", $"the rule was not imported: statistic '{statisticText}' is not one of Average, Min, Max, Sum, Count."));
            return null;
        }

        if (!Enum.TryParse<TimeAggregation>(aggregationText, ignoreCase: true, out var aggregation) || !Enum.IsDefined(aggregation))
        {
            warnings.Add(new(path + ".metricTrigger.timeAggregation", $"the rule was not imported: time aggregation '{aggregationText}' is not one of {string.Join(", ", Enum.GetNames<TimeAggregation>())}."));
            return null;
        }

        if (!Enum.TryParse<ComparisonOperator>(operatorText, ignoreCase: true, out var comparison) || !Enum.IsDefined(comparison))
        {
            warnings.Add(new(path + ".metricTrigger.operator", $"the rule was not imported: operator '{operatorText}' is not one of {string.Join(", ", Enum.GetNames<ComparisonOperator>())}."));
            return null;
        }

        if (Number(trigger, "threshold") is not { } threshold)
        {
            warnings.Add(new(path + ".metricTrigger.threshold", "the rule was not imported: it has no numeric threshold."));
            return null;
        }

        var directionText = String(action, "direction");
        if (!Enum.TryParse<ScaleDirection>(directionText, ignoreCase: true, out var direction) || direction is not (ScaleDirection.Increase or ScaleDirection.Decrease))
        {
            warnings.Add(new(path + ".scaleAction.direction", $"the rule was not imported: direction '{directionText}' does not move capacity."));
            return null;
        }

        var newAction = MapAction(action, path + ".scaleAction", direction, warnings);
        if (newAction is null)
        {
            return null;
        }

        var newTrigger = new JsonObject { ["metricName"] = metricName };
        if (String(trigger, "metricNamespace") is { Length: > 0 } metricNamespace)
        {
            newTrigger["metricNamespace"] = metricNamespace;
        }

        if (String(trigger, "metricResourceUri") is { Length: > 0 } metricResource && !string.Equals(metricResource, target, StringComparison.OrdinalIgnoreCase))
        {
            newTrigger["metricResourceId"] = metricResource;
        }

        newTrigger["statistic"] = statistic.ToString();
        newTrigger["timeAggregation"] = aggregation.ToString();
        newTrigger["timeGrain"] = Grain(String(trigger, "timeGrain"), path + ".metricTrigger.timeGrain", warnings);
        newTrigger["timeWindow"] = String(trigger, "timeWindow");
        newTrigger["operator"] = comparison.ToString();
        newTrigger["threshold"] = threshold;
        if (filters is not null)
        {
            newTrigger["dimensions"] = filters;
        }

        if (trigger.TryGetProperty("dividePerInstance", out var divide) && divide.ValueKind == JsonValueKind.True)
        {
            newTrigger["dividePerInstance"] = true;
        }

        var baseName = $"{(direction == ScaleDirection.Increase ? "scale-out" : "scale-in")}-{AutoscaleNames.Slug(metricName, 40)}".TrimEnd('-');
        var name = baseName;
        for (var n = 2; !names.Add(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{baseName}-{n}");
        }

        return new JsonObject
        {
            ["name"] = name,
            ["trigger"] = newTrigger,
            ["action"] = newAction,
        };
    }

    /// <summary>The scale action: ChangeCount, PercentChangeCount and ExactCount carry over; any other type leaves the rule out.</summary>
    private static JsonObject? MapAction(JsonElement action, string path, ScaleDirection direction, List<AutoscaleImportWarning> warnings)
    {
        var typeText = String(action, "type") ?? nameof(ScaleActionType.ChangeCount);
        var mapped = new JsonObject { ["direction"] = direction.ToString() };
        var known = Enum.TryParse<ScaleActionType>(typeText, ignoreCase: true, out var type) && Enum.IsDefined(type) && !typeText.All(char.IsAsciiDigit);
        if (known && type is ScaleActionType.PercentChangeCount)
        {
            if (Number(action, "value") is not { } percent)
            {
                warnings.Add(new(path + ".value", $"the rule was not imported: value {Raw(action, "value")} is not a percentage."));
                return null;
            }

            (mapped["type"], mapped["changeCount"], mapped["percent"]) = (type.ToString(), 0, percent);
        }
        else if (known && type is ScaleActionType.ChangeCount or ScaleActionType.ExactCount)
        {
            if (Integer(action, "value") is not { } count)
            {
                warnings.Add(new(path + ".value", $"the rule was not imported: value {Raw(action, "value")} is not a whole number of instances."));
                return null;
            }

            if (type == ScaleActionType.ExactCount)
            {
                (mapped["type"], mapped["changeCount"], mapped["exactCount"]) = (type.ToString(), 0, count);
            }
            else
            {
                mapped["changeCount"] = count;
            }
        }
        else
        {
            var meaning = typeText.Equals("ServiceAllowedNextValue", StringComparison.OrdinalIgnoreCase)
                ? "moves to the next size the service allows, which Scalewise cannot know for this target"
                : $"uses the action type '{typeText}', which Azure autoscale rules do not have";
            warnings.Add(new(path + ".type", $"the rule was not imported: it {meaning}; use ChangeCount, PercentChangeCount or ExactCount."));
            return null;
        }

        mapped["cooldown"] = String(action, "cooldown");
        return mapped;
    }

    /// <summary>Dimension filters (Azure writes DimensionName, Operator, Values); a filter that cannot be read leaves the rule out, as the rule would read another series without it.</summary>
    private static JsonArray? MapDimensions(JsonElement dimensions, string path, List<AutoscaleImportWarning> warnings)
    {
        var filters = new JsonArray();
        for (var i = 0; i < dimensions.GetArrayLength(); i++)
        {
            var dimension = dimensions[i];
            var name = Field(dimension, "DimensionName");
            var operatorText = Field(dimension, "Operator");
            var values = List(dimension, "Values").Concat(List(dimension, "values")).ToList();
            if (string.IsNullOrEmpty(name) || !Enum.TryParse<DimensionOperator>(operatorText, ignoreCase: true, out var comparison) || !Enum.IsDefined(comparison) || values.Count == 0)
            {
                warnings.Add(new(Path(path, i), $"the rule was not imported: the filter {dimension.GetRawText()} needs a dimension name, the operator Equals or NotEquals and at least one value, and without it the rule would read another series."));
                return null;
            }

            filters.Add(new JsonObject
            {
                ["dimensionName"] = name,
                ["operator"] = comparison.ToString(),
                ["values"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]),
            });
        }

        return filters;
    }
}
