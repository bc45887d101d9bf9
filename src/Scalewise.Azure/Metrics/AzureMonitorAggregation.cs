using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Metrics;

/// <summary>
/// Scalewise's aggregations as Azure Monitor names them. <see cref="TimeAggregation.Last"/> is not an Azure
/// aggregation: it is requested as Average, and Core takes the last point of the window.
/// </summary>
internal static class AzureMonitorAggregation
{
    /// <summary>The value of the <c>aggregation</c> query parameter.</summary>
    public static string QueryValue(TimeAggregation aggregation) => aggregation switch
    {
        TimeAggregation.Average or TimeAggregation.Last => "Average",
        TimeAggregation.Minimum => "Minimum",
        TimeAggregation.Maximum => "Maximum",
        TimeAggregation.Total => "Total",
        TimeAggregation.Count => "Count",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown time aggregation."),
    };

    /// <summary>
    /// The <c>aggregation</c> query value when a dimension filter may split the metric into several series: an average also
    /// asks for <c>Count</c>, so the series are combined weighted by their samples (see <see cref="MetricsResponseParser"/>).
    /// </summary>
    public static string QueryValue(TimeAggregation aggregation, bool split) =>
        split && aggregation is TimeAggregation.Average or TimeAggregation.Last ? "Average,Count" : QueryValue(aggregation);

    /// <summary>
    /// How many series a filtered read asks for (<c>top</c>): Azure Monitor returns 10 unless told, and drops the rest silently.
    /// A filter matching more series than this reads the first this many in Azure Monitor's order.
    /// </summary>
    public const int MaxSeries = 1000;

    /// <summary>The field that carries the value in a response's data points: the aggregation's name in camel case.</summary>
    public static string ResponseField(TimeAggregation aggregation)
    {
        var name = QueryValue(aggregation);
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }
}
