using System.Globalization;
using Scalewise.Core.Policies;

namespace Scalewise.Core.Decisions;

/// <summary>
/// Checks a person's request for a capacity against the policy. Bounds are law here too: a manual request outside
/// [minimum, maximum] is refused, never clamped, so the person learns what is allowed. Cooldowns and observe mode
/// apply to rules, not to people, so they do not hold a manual request back.
/// </summary>
public static class ManualScaling
{
    public static ManualScaleResult Decide(ScalingPolicy policy, int requestedCapacity, int currentCapacity, string requestedBy, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);

        var bounds = policy.Capacity;
        var allowed = Format($"(allowed: {bounds.Minimum} to {bounds.Maximum})");
        if (requestedCapacity > bounds.Maximum)
        {
            return ManualScaleResult.Rejected("capacity", Format($"capacity {requestedCapacity} is above the policy's maximum of {bounds.Maximum} {allowed}"));
        }

        if (requestedCapacity < bounds.Minimum)
        {
            return ManualScaleResult.Rejected("capacity", Format($"capacity {requestedCapacity} is below the policy's minimum of {bounds.Minimum} {allowed}"));
        }

        if (string.IsNullOrWhiteSpace(requestedBy))
        {
            return ManualScaleResult.Rejected("requestedBy", "requestedBy is empty; say who asks for the change (a user or service name), so history can show it");
        }

        var because = string.IsNullOrWhiteSpace(reason) ? "no reason given" : Format($"reason: \"{reason.Trim()}\"");
        if (requestedCapacity == currentCapacity)
        {
            return ManualScaleResult.Accepted(Decision(policy, DecisionOutcome.NoChange, ScaleDirection.None, currentCapacity, requestedCapacity, now, Format(
                $"No change at {currentCapacity}: {requestedBy} asked for capacity {requestedCapacity}, which the target already has ({because}).")));
        }

        var (direction, verb) = requestedCapacity > currentCapacity ? (ScaleDirection.Increase, "scale out") : (ScaleDirection.Decrease, "scale in");
        return ManualScaleResult.Accepted(Decision(policy, DecisionOutcome.Scale, direction, currentCapacity, requestedCapacity, now, Format(
            $"Manual {verb} {currentCapacity} → {requestedCapacity} requested by {requestedBy} ({because}).")));
    }

    private static ScalingDecision Decision(ScalingPolicy policy, DecisionOutcome outcome, ScaleDirection direction, int current, int requested, DateTimeOffset now, string reason) =>
        new(policy.Id, policy.Target.ResourceId, DecisionKind.Manual, outcome, direction, current, requested, reason, [], now);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
