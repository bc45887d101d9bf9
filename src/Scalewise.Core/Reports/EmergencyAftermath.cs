using Scalewise.Core.Decisions;

namespace Scalewise.Core.Reports;

/// <summary>
/// Whether an emergency is over, so that its capacity report can be written: the tick would find no emergency any more
/// (<see cref="ScalingTick"/>, the same check the emergency path makes) and the latest observed minute was within the SLO
/// (<see cref="CapacitySlo"/>) at the current capacity. With no metric data yet it is not over.
/// </summary>
public static class EmergencyAftermath
{
    /// <summary>The series the check reads, each over <paramref name="window"/>: the tick's (rules and emergency) and the SLO's.</summary>
    public static IReadOnlyList<MetricRequest> Requests(ScalingPolicy policy, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. policy.Rules.Select(r => r.Trigger.ToRequest(policy.Target.ResourceId))
            .Concat(EmergencyDetector.Requests(policy))
            .Concat(CapacitySlo.Requests(policy, window))
            .Distinct()];
    }

    public static AftermathReading Check(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, int currentCapacity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(windows);
        var decision = ScalingTick.Decide(policy, windows, TargetState.Empty(policy.Id), currentCapacity, now);
        if (decision.Kind == DecisionKind.Emergency)
        {
            return new AftermathReading(false, "still an emergency: " + decision.Reason);
        }

        var minutes = CapacitySlo.Minutes(policy, windows, DateTimeOffset.MinValue, now, _ => currentCapacity);
        if (minutes.Count == 0)
        {
            return new AftermathReading(false, "no metric data yet");
        }

        var latest = minutes[^1];
        return latest.IsOver
            ? new AftermathReading(false, DecisionText.Format($"the minute from {latest.Minute:u} was over the SLO at capacity {currentCapacity}: {latest.Breach}"))
            : new AftermathReading(true, DecisionText.Format($"no emergency, and the minute from {latest.Minute:u} was within the SLO at capacity {currentCapacity}"));
    }
}
