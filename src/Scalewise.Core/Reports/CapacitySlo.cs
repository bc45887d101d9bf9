using Scalewise.Core.Decisions;

namespace Scalewise.Core.Reports;

/// <summary>
/// When a target is over its SLO, minute by minute: a minute is over when the capacity ready then did not serve the demand
/// by the policy's own measure, that is when any of these held in that minute:
/// <list type="bullet">
/// <item>a scale-out rule's trigger metric (its statistic over the minute, per ready instance when the rule divides per instance) was past the rule's trigger threshold;</item>
/// <item>the emergency growth metric (when the policy sets a demand per instance) was above ready capacity × that demand per instance;</item>
/// <item>the emergency error metric was at or above its emergency threshold.</item>
/// </list>
/// Minutes without a value in any of these series are not observed and count neither way.
/// </summary>
public static class CapacitySlo
{
    public static readonly TimeSpan Grain = TimeSpan.FromMinutes(1);

    /// <summary>The one-minute series the SLO is measured on, each over <paramref name="window"/> ending at the read time.</summary>
    public static IReadOnlyList<MetricRequest> Requests(ScalingPolicy policy, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var target = policy.Target.ResourceId;
        var requests = ScaleOutRules(policy).Select(r => r.Trigger.ToRequest(target) with { TimeGrain = Grain, Window = window }).ToList();
        if (policy.Emergency is { } emergency)
        {
            if (emergency.GrowthMetric is { Length: > 0 } growth)
            {
                requests.Add(new MetricRequest(target, growth, emergency.MetricNamespace, TimeAggregation.Total, Grain, window));
            }

            if (emergency.ErrorMetric is { Length: > 0 } error)
            {
                requests.Add(new MetricRequest(target, error, emergency.MetricNamespace, TimeAggregation.Average, Grain, window));
            }
        }

        return [.. requests.Distinct()];
    }

    /// <summary>
    /// Every minute from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive) that has a value in an SLO
    /// series, judged at the capacity <paramref name="readyCapacity"/> says was serving then; oldest first.
    /// </summary>
    public static IReadOnlyList<SloMinute> Minutes(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, DateTimeOffset from, DateTimeOffset until, Func<DateTimeOffset, int> readyCapacity)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(readyCapacity);
        var series = Requests(policy, Grain);
        return [.. windows
            .Where(w => series.Any(s => SameSeries(s, w.Request)))
            .SelectMany(w => w.Points)
            .Where(p => p.Value.HasValue && p.TimeStamp >= from && p.TimeStamp < until)
            .Select(p => p.TimeStamp)
            .Distinct()
            .Order()
            .Select(minute =>
            {
                var ready = readyCapacity(minute);
                return new SloMinute(minute, ready, Breach(policy, windows, minute, ready));
            })];
    }

    /// <summary>Why the minute starting at <paramref name="minute"/> was over the SLO at <paramref name="readyCapacity"/>; null when it was not.</summary>
    public static string? Breach(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, DateTimeOffset minute, int readyCapacity)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(windows);
        var ready = Math.Max(1, readyCapacity);
        var target = policy.Target.ResourceId;
        foreach (var rule in ScaleOutRules(policy))
        {
            if (ValueAt(windows, rule.Trigger.ToRequest(target), minute) is { } value)
            {
                var observed = rule.Trigger.DividePerInstance ? value / ready : value;
                if (rule.Trigger.IsMet(observed))
                {
                    return DecisionText.Format($"'{rule.Name}': {rule.Trigger.MetricName} {DecisionText.Number(observed)} past its threshold of {DecisionText.Number(rule.Trigger.Threshold)}");
                }
            }
        }

        if (policy.Emergency is { } emergency)
        {
            if (emergency.GrowthMetric is { Length: > 0 } growth && emergency.TargetPerInstance is > 0 and var perInstance
                && ValueAt(windows, new MetricRequest(target, growth, emergency.MetricNamespace, TimeAggregation.Total, Grain, Grain), minute) is { } demand
                && demand > ready * perInstance)
            {
                return DecisionText.Format($"{growth} {DecisionText.Number(demand)} above what {ready} ready instances serve ({DecisionText.Number(ready * perInstance)})");
            }

            if (emergency.ErrorMetric is { Length: > 0 } error && emergency.ErrorThreshold is { } threshold
                && ValueAt(windows, new MetricRequest(target, error, emergency.MetricNamespace, TimeAggregation.Average, Grain, Grain), minute) is { } errors
                && errors >= threshold)
            {
                return DecisionText.Format($"{error} {DecisionText.Number(errors)} at or above the emergency threshold of {DecisionText.Number(threshold)}");
            }
        }

        return null;
    }

    /// <summary>The value of a series (read at a one-minute grain, whatever window) in the minute starting at <paramref name="minute"/>.</summary>
    internal static double? ValueAt(IReadOnlyList<MetricWindow> windows, MetricRequest series, DateTimeOffset minute) =>
        windows
            .Where(w => SameSeries(series, w.Request))
            .SelectMany(w => w.Points)
            .FirstOrDefault(p => p.TimeStamp == minute && p.Value.HasValue)?.Value;

    internal static IEnumerable<ScalingRule> ScaleOutRules(ScalingPolicy policy) =>
        policy.Rules.Where(r => r.Action.Direction == ScaleDirection.Increase);

    /// <summary>Same resource, metric, aggregation and filter at a one-minute grain; the window length does not matter.</summary>
    private static bool SameSeries(MetricRequest series, MetricRequest read) =>
        read.TimeGrain == Grain
        && string.Equals(series.ResourceId, read.ResourceId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(series.MetricName, read.MetricName, StringComparison.OrdinalIgnoreCase)
        && series.Aggregation == read.Aggregation
        && string.Equals(series.DimensionFilter, read.DimensionFilter, StringComparison.Ordinal);
}
