using System.Runtime.CompilerServices;
using System.Text;

namespace Scalewise.Core.Metrics;

/// <summary>One metric to read from one resource over a window ending at the read time.</summary>
/// <remarks>
/// <see cref="DimensionFilter"/> is the Azure Monitor filter the rule's dimensions make (<see cref="FilterFor"/>), kept as
/// one normalized string so that two requests for the same series compare equal; null reads the metric unfiltered.
/// <see cref="IngestionLatency"/> is the policy's own, null for the default of the metric's kind (<see cref="MetricIngestion"/>).
/// </remarks>
public sealed record MetricRequest(
    string ResourceId,
    string MetricName,
    string? MetricNamespace,
    TimeAggregation Aggregation,
    TimeSpan TimeGrain,
    TimeSpan Window,
    string? DimensionFilter = null,
    TimeSpan? IngestionLatency = null)
{
    // Rules are evaluated every tick; their dimension lists do not change, so each list is formatted once.
    private static readonly ConditionalWeakTable<IReadOnlyList<MetricDimension>, string> Formatted = [];

    /// <summary>
    /// The filter in Azure Monitor's metrics syntax, dimensions by name and values in ordinal order:
    /// <c>EntityName eq 'orders' or EntityName eq 'payments' and Region ne 'west'</c>; null when there are no dimensions.
    /// </summary>
    public static string? FilterFor(IReadOnlyList<MetricDimension>? dimensions)
    {
        if (dimensions is null || dimensions.Count == 0)
        {
            return null;
        }

        return Formatted.GetValue(dimensions, Format);
    }

    private static string Format(IReadOnlyList<MetricDimension> dimensions)
    {
        var builder = new StringBuilder();
        foreach (var dimension in dimensions.OrderBy(d => d.DimensionName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Operator))
        {
            var (comparison, joiner) = dimension.Operator == DimensionOperator.NotEquals ? (" ne ", " and ") : (" eq ", " or ");
            var first = true;
            foreach (var value in dimension.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                builder.Append(first ? (builder.Length == 0 ? string.Empty : " and ") : joiner)
                    .Append(dimension.DimensionName)
                    .Append(comparison)
                    .Append('\'')
                    .Append(value.Replace("'", "''", StringComparison.Ordinal))
                    .Append('\'');
                first = false;
            }
        }

        return builder.ToString();
    }
}
