namespace Scalewise.Simulator.Wire;

/// <summary>Writes the aggregations a query asked for into one metric point, rounded as Azure Monitor's answers are.</summary>
internal static class MetricPoints
{
    public static void Add(JsonObject point, MetricAggregations requested, double average, double minimum, double maximum, double total, double count)
    {
        AddIf(point, requested, MetricAggregations.Average, "average", Math.Round(average, 4));
        AddIf(point, requested, MetricAggregations.Minimum, "minimum", Math.Round(minimum, 4));
        AddIf(point, requested, MetricAggregations.Maximum, "maximum", Math.Round(maximum, 4));
        AddIf(point, requested, MetricAggregations.Total, "total", Math.Round(total, 4));
        AddIf(point, requested, MetricAggregations.Count, "count", count);
    }

    private static void AddIf(JsonObject point, MetricAggregations requested, MetricAggregations one, string name, double value)
    {
        if ((requested & one) != 0)
        {
            point[name] = value;
        }
    }
}
