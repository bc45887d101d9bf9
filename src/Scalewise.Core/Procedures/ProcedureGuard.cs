using Scalewise.Core.Decisions;
using Scalewise.Core.Pricing;

namespace Scalewise.Core.Procedures;

/// <summary>
/// The re-check a procedure makes before it touches the target: time has passed since the decision, so bounds, the
/// cost cap (on every path, <see cref="SkuPrices.CapBreach"/>), cooldown and the target's own state are checked again
/// against what is stored now.
/// </summary>
/// <remarks>
/// The one way above the policy's maximum is a predictive decision whose policy says
/// <see cref="MaxCapacityBreach.IncreaseMaxCapacity"/>: the decision carries the maximum the forecast raised
/// (<see cref="ScalingDecision.RaisedMaximum"/>), and the guard allows exactly up to it, never more, and only while the
/// stored policy still says so.
/// </remarks>
public static class ProcedureGuard
{
    public static GuardVerdict Check(ScalingPolicy policy, TargetState state, TargetSnapshot target, DecisionKind kind, int toCapacity, DateTimeOffset now, int? raisedMaximum = null, PriceTable? prices = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(target);

        var maximum = AllowedMaximum(policy, kind, raisedMaximum);
        var raised = maximum > policy.Capacity.Maximum
            ? string.Create(CultureInfo.InvariantCulture, $" (maximum raised to {maximum} by the forecast: IncreaseMaxCapacity)")
            : string.Empty;
        if (toCapacity < policy.Capacity.Minimum || toCapacity > maximum)
        {
            return Refuse($"capacity {toCapacity} is outside the policy's bounds ({policy.Capacity.Minimum} to {policy.Capacity.Maximum}){raised}");
        }

        if (SkuPrices.CapBreach(policy, prices, kind, target.Sku, target.Capacity, target.Sku, toCapacity) is { } breach)
        {
            return Refuse(breach);
        }

        if (!target.IsProvisioningTerminal)
        {
            return Refuse($"the target is still '{target.ProvisioningState}' from an earlier operation");
        }

        if (target.Capacity == toCapacity)
        {
            return Refuse($"the target already has capacity {toCapacity}");
        }

        // Manual, emergency and scheduled changes are people's, the emergency path's or the schedule's call, and a move back inside the bounds
        // is law: only automatic moves within the bounds wait for their cooldown.
        if (kind is DecisionKind.Reactive or DecisionKind.Predictive && policy.Capacity.Contains(target.Capacity))
        {
            var direction = toCapacity > target.Capacity ? ScaleDirection.Increase : ScaleDirection.Decrease;
            var last = direction == ScaleDirection.Increase ? state.LastScaleOutAt : state.LastScaleInAt;
            var cooldowns = policy.Rules.Where(r => r.Action.Direction == direction).Select(r => r.Action.Cooldown).ToList();
            var cooldown = cooldowns.Count == 0 ? TimeSpan.Zero : cooldowns.Min();
            if (last is { } lastAt && now < lastAt + cooldown)
            {
                return Refuse(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the {(direction == ScaleDirection.Increase ? "scale-out" : "scale-in")} cooldown of {cooldown.TotalMinutes:0.#} min since {lastAt:u} still holds"));
            }
        }

        return new GuardVerdict(true, string.Create(CultureInfo.InvariantCulture, $"capacity {target.Capacity} → {toCapacity} is within bounds {policy.Capacity.Minimum} to {policy.Capacity.Maximum}{raised}"));
    }

    /// <summary>
    /// The policy's maximum, or the decision's raised maximum when the decision is predictive and the policy lets a forecast
    /// raise it (<see cref="MaxCapacityBreach.IncreaseMaxCapacity"/>); at most <see cref="PolicyValidator.MaximumCapacity"/>.
    /// </summary>
    public static int AllowedMaximum(ScalingPolicy policy, DecisionKind kind, int? raisedMaximum)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var maximum = policy.Capacity.Maximum;
        return raisedMaximum is { } raised && raised > maximum && kind == DecisionKind.Predictive
            && policy.Predictive is { MaxCapacityBreach: MaxCapacityBreach.IncreaseMaxCapacity }
            ? Math.Min(raised, PolicyValidator.MaximumCapacity)
            : maximum;
    }

    private static GuardVerdict Refuse(string reason) => new(false, reason);
}
