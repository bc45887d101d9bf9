using Scalewise.Core.Decisions;
using Scalewise.Core.Procedures;

namespace Scalewise.Core.Reports;

/// <summary>
/// The post-event capacity report of an emergency scale-up: what the demand peaked at, how long the new capacity took to be
/// ready, how many minutes the target was over its SLO (<see cref="CapacitySlo"/>), and the minimum and maximum the policy
/// should have so that the next such peak is not an emergency. Observed from <see cref="EmergencyDetector.Window"/> before the
/// decision (the spike was building then) until the report was written. The recommendations are advice; nothing applies them.
/// </summary>
/// <remarks>
/// Demand is measured by the first of: the emergency growth metric (requests or connections per minute); the trigger metric
/// of a scale-out rule with a critical tier (else of the first scale-out rule), summed over the ready instances unless the
/// rule already divides it per instance. <see cref="PeakCapacityNeeded"/> is the capacity that serves the peak at the policy's
/// target (<c>ceil(peak / target per instance)</c>, or <c>ceil(peak / trigger threshold)</c>); with no demand measure it is
/// the capacity the emergency asked for. <see cref="RecommendedMinimum"/> is the smallest capacity at which the peak would
/// have stayed within the emergency threshold (<c>ceil(peak / (target per instance × (1 + growth percent)))</c>, or
/// <c>ceil(peak / critical threshold)</c>), never below the policy's minimum. <see cref="RecommendedMaximum"/> leaves
/// <see cref="MaximumHeadroom"/> above the peak need (<c>ceil(need × 1.25)</c>), never below the policy's maximum or the
/// recommended minimum. Both are at most <see cref="PolicyValidator.MaximumCapacity"/>.
/// </remarks>
public sealed record CapacityReport(
    string PolicyId,
    string TargetResourceId,
    string InstanceId,
    DateTimeOffset DecidedAt,
    string Reason,
    ProcedureOutcome Outcome,
    int FromCapacity,
    int ToCapacity,
    DateTimeOffset ObservedFrom,
    DateTimeOffset ObservedUntil,
    string DemandMetric,
    double? PeakDemand,
    DateTimeOffset? PeakAt,
    int PeakCapacityNeeded,
    DateTimeOffset? CapacityReadyAt,
    TimeSpan? TimeToCapacity,
    int MinutesOverSlo,
    int MinutesObserved,
    int Minimum,
    int Maximum,
    int RecommendedMinimum,
    int RecommendedMaximum,
    string Summary)
{
    /// <summary>How far above the peak need the recommended maximum reaches.</summary>
    public const double MaximumHeadroom = 0.25;

    /// <summary>The series <see cref="For"/> reads, each over <paramref name="window"/>: the SLO series (which include the demand measure).</summary>
    public static IReadOnlyList<MetricRequest> Requests(ScalingPolicy policy, TimeSpan window) => CapacitySlo.Requests(policy, window);

    /// <summary>When the report's observation starts for an emergency decided at <paramref name="decidedAt"/>: the whole minute <see cref="EmergencyDetector.Window"/> before.</summary>
    public static DateTimeOffset ObservationStart(DateTimeOffset decidedAt)
    {
        var start = decidedAt - EmergencyDetector.Window;
        return new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <summary>The report on <paramref name="episode"/> from the one-minute <paramref name="windows"/> read at <paramref name="observedUntil"/>.</summary>
    public static CapacityReport For(ScalingPolicy policy, EmergencyEpisode episode, IReadOnlyList<MetricWindow> windows, DateTimeOffset observedUntil)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(windows);
        var from = ObservationStart(episode.DecidedAt);
        var minutes = CapacitySlo.Minutes(policy, windows, from, observedUntil, episode.ReadyCapacityAt);
        var demand = MeasureDemand(policy, episode, windows, minutes);
        var bounds = policy.Capacity;
        var recommendedMinimum = Math.Min(PolicyValidator.MaximumCapacity, Math.Max(bounds.Minimum, demand.WithinEmergency));
        var withHeadroom = Ceiling(demand.Needed * (1 + MaximumHeadroom));
        var recommendedMaximum = Math.Min(PolicyValidator.MaximumCapacity, Math.Max(Math.Max(bounds.Maximum, recommendedMinimum), withHeadroom));
        var readyAt = episode.CapacityReadyAt is { } ready && ready < episode.DecidedAt ? episode.DecidedAt : episode.CapacityReadyAt;
        var timeToCapacity = readyAt - episode.DecidedAt;
        var over = minutes.Count(m => m.IsOver);

        var peak = demand.Peak is { } value
            ? DecisionText.Format($"demand peaked at {DecisionText.Number(value)} ({demand.Basis}) at {demand.PeakAt:u}, which needs {demand.Needed} instances at the policy's target")
            : DecisionText.Format($"no demand was measured ({demand.Basis}); the emergency asked for {demand.Needed} instances");
        var time = timeToCapacity is { } took
            ? DecisionText.Format($"capacity {episode.ToCapacity} was ready {DecisionText.Duration(took)} after the decision")
            : DecisionText.Format($"capacity {episode.ToCapacity} was never ready (the procedure ended {episode.Outcome})");
        var advice = DecisionText.Format(
            $"recommended minimum {recommendedMinimum} (policy {bounds.Minimum}; {demand.MinimumRule}), maximum {recommendedMaximum} (policy {bounds.Maximum}; the peak need plus {MaximumHeadroom * 100:0}% headroom)");
        var summary = DecisionText.Format($"Emergency {episode.FromCapacity} → {episode.ToCapacity}: {peak}; {time}; {over} of {minutes.Count} observed minutes over the SLO; {advice}.");

        return new CapacityReport(
            episode.PolicyId,
            episode.TargetResourceId,
            episode.InstanceId,
            episode.DecidedAt,
            episode.Reason,
            episode.Outcome,
            episode.FromCapacity,
            episode.ToCapacity,
            from,
            observedUntil,
            demand.Basis,
            demand.Peak,
            demand.PeakAt,
            demand.Needed,
            readyAt,
            timeToCapacity,
            over,
            minutes.Count,
            bounds.Minimum,
            bounds.Maximum,
            recommendedMinimum,
            recommendedMaximum,
            summary);
    }

    private static Demand MeasureDemand(ScalingPolicy policy, EmergencyEpisode episode, IReadOnlyList<MetricWindow> windows, IReadOnlyList<SloMinute> minutes)
    {
        var target = policy.Target.ResourceId;
        if (policy.Emergency is { GrowthMetric: { Length: > 0 } growth } emergency)
        {
            var series = new MetricRequest(target, growth, emergency.MetricNamespace, TimeAggregation.Total, CapacitySlo.Grain, CapacitySlo.Grain);
            var values = minutes.Select(m => (m.Minute, Value: CapacitySlo.ValueAt(windows, series, m.Minute))).Where(v => v.Value.HasValue).ToList();
            if (values.Count > 0)
            {
                var (at, peak) = values.Aggregate((best, next) => next.Value > best.Value ? next : best);
                var allowedGrowth = 1 + (emergency.GrowthPercent / 100);
                var basis = DecisionText.Format($"{growth} per minute");
                if (emergency.TargetPerInstance is > 0 and var perInstance)
                {
                    return new Demand(basis, peak, at, Ceiling(peak!.Value / perInstance), Ceiling(peak.Value / (perInstance * allowedGrowth)), DecisionText.Format(
                        $"the peak within {DecisionText.Number(emergency.GrowthPercent)}% above {DecisionText.Number(perInstance)} per instance, one minute's emergency growth"));
                }

                var baseline = values[0].Value!.Value;
                var needed = baseline > 0 ? Ceiling(Math.Max(1, episode.FromCapacity) * peak!.Value / baseline) : episode.ToCapacity;
                return new Demand(basis, peak, at, needed, Ceiling(needed / allowedGrowth), DecisionText.Format(
                    $"the capacity grown with demand from the first observed minute, within one minute's emergency growth of {DecisionText.Number(emergency.GrowthPercent)}%"));
            }
        }

        var scaleOut = CapacitySlo.ScaleOutRules(policy)
            .Where(r => r.Trigger.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual && r.Trigger.Threshold > 0)
            .ToList();
        if ((scaleOut.FirstOrDefault(r => r.Trigger.CriticalThreshold is not null) ?? scaleOut.FirstOrDefault()) is { } rule)
        {
            var trigger = rule.Trigger;
            var series = trigger.ToRequest(target);
            var values = minutes
                .Select(m => (m.Minute, Value: CapacitySlo.ValueAt(windows, series, m.Minute) is { } v ? (trigger.DividePerInstance ? v : v * m.ReadyCapacity) : (double?)null))
                .Where(v => v.Value.HasValue)
                .ToList();
            if (values.Count > 0)
            {
                var (at, peak) = values.Aggregate((best, next) => next.Value > best.Value ? next : best);
                var basis = trigger.DividePerInstance ? trigger.MetricName : DecisionText.Format($"{trigger.MetricName} summed over the ready instances");
                var needed = Ceiling(peak!.Value / trigger.Threshold);
                return trigger.CriticalThreshold is { } critical && critical > trigger.Threshold
                    ? new Demand(basis, peak, at, needed, Ceiling(peak.Value / critical), DecisionText.Format($"the peak below the critical threshold of {DecisionText.Number(critical)} per instance"))
                    : new Demand(basis, peak, at, needed, needed, DecisionText.Format($"the peak within the trigger threshold of {DecisionText.Number(trigger.Threshold)} per instance"));
            }
        }

        return new Demand("none measured", null, null, episode.ToCapacity, policy.Capacity.Minimum, "no demand measure, so the minimum is left as it is");
    }

    private static int Ceiling(double value) => (int)Math.Min(int.MaxValue, Math.Ceiling(value - 1e-9));

    /// <summary>The peak demand, the capacity that serves it at the target, and the capacity that would have kept it out of the emergency.</summary>
    private sealed record Demand(string Basis, double? Peak, DateTimeOffset? PeakAt, int Needed, int WithinEmergency, string MinimumRule);
}
