using Scalewise.Core.Procedures;

namespace Scalewise.Core.Decisions;

/// <summary>
/// Checks a person's request for a capacity against the policy. Bounds are law here too: a manual request outside
/// [minimum, maximum] is refused, never clamped, so the person learns what is allowed. Cooldowns and observe mode
/// apply to rules, not to people, so they do not hold a manual request back. A vertical target (a VM, an Azure Cache for
/// Redis, an Azure Managed Redis cluster) is asked for a SKU instead, which must be on the policy's ladder (its own, or the
/// target kind's default): the ladder is the vertical policy's bounds.
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

    /// <summary>A request for <paramref name="requestedSku"/> on a vertical target now on <paramref name="currentSku"/>.</summary>
    public static ManualScaleResult DecideSku(ScalingPolicy policy, string requestedSku, string? currentSku, string requestedBy, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(requestedSku);

        var ladder = SkuLadderMoves.LadderOf(policy);
        var names = string.Join(", ", ladder.Select(r => r.Name));
        if (SkuLadderMoves.IndexOf(ladder, requestedSku) is not { } to)
        {
            return ManualScaleResult.Rejected("sku", Format($"SKU '{requestedSku}' is not on the policy's ladder (allowed: {names})"));
        }

        if (string.IsNullOrWhiteSpace(requestedBy))
        {
            return ManualScaleResult.Rejected("requestedBy", "requestedBy is empty; say who asks for the change (a user or service name), so history can show it");
        }

        var sku = ladder[to].Name;
        var because = string.IsNullOrWhiteSpace(reason) ? "no reason given" : Format($"reason: \"{reason.Trim()}\"");
        var from = SkuLadderMoves.IndexOf(ladder, currentSku);
        if (from == to)
        {
            return ManualScaleResult.Accepted(Decision(policy, DecisionOutcome.NoChange, ScaleDirection.None, 1, 1, now, Format(
                $"No change at {sku}: {requestedBy} asked for SKU {sku}, which the target already has ({because}).")) with { CurrentSku = currentSku });
        }

        // A current SKU off the ladder (set by hand in the portal, say) is still left for the asked rung; the direction is then unknown.
        var direction = from is not { } index ? ScaleDirection.None : to > index ? ScaleDirection.Increase : ScaleDirection.Decrease;
        var verb = direction switch { ScaleDirection.Increase => "step up", ScaleDirection.Decrease => "step down", _ => "move" };
        return ManualScaleResult.Accepted(Decision(policy, DecisionOutcome.Scale, direction, 1, 1, now, Format(
            $"Manual {verb} {currentSku ?? "unknown SKU"} → {sku} requested by {requestedBy} ({because}).")) with { CurrentSku = currentSku, NewSku = sku });
    }

    private static ScalingDecision Decision(ScalingPolicy policy, DecisionOutcome outcome, ScaleDirection direction, int current, int requested, DateTimeOffset now, string reason) =>
        new(policy.Id, policy.Target.ResourceId, DecisionKind.Manual, outcome, direction, current, requested, reason, [], now);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
