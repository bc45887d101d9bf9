using Scalewise.Core.Decisions.Stages;
using Scalewise.Core.Pricing;

namespace Scalewise.Core.Decisions;

/// <summary>
/// Reactive decisions with Azure autoscale's semantics: scale out when any scale-out rule or target tracking asks for it
/// (the largest result wins), scale in only when every scale-in rule fires and every target tracking that may scale in
/// agrees and no scale-out rule fires (the smallest reduction wins), per-direction cooldowns, and capacity kept within the
/// policy's bounds whatever the rules say. Scale-in is then stabilized, checked for flapping and held while instances warm
/// up; scale-out is capped by the policy's hourly cost. Every such adjustment is listed in the decision.
/// </summary>
/// <remarks>
/// <para>
/// Pure stages over immutable records (Decisions/Stages): <see cref="RuleVotes"/> reads what every rule and target
/// tracking saw and asks for; <see cref="DirectionChoice"/> chooses the direction; <see cref="AdjustmentStages"/> applies
/// each adjustment as its own function that notes what it changed (<see cref="StageNote"/>); <see cref="DecisionRendering"/>
/// writes the reason and the adjustments from those notes, last.
/// </para>
/// <para>
/// Only an outcome of <see cref="DecisionOutcome.Scale"/> asks for a change. <see cref="DecisionOutcome.CooldownHeld"/>,
/// <see cref="DecisionOutcome.AtBound"/>, <see cref="DecisionOutcome.NoData"/> and <see cref="DecisionOutcome.NoChange"/>
/// keep <see cref="ScalingDecision.NewCapacity"/> equal to the current capacity; the reason says what would have
/// happened. In <see cref="PolicyMode.Observe"/> a decision that would scale becomes <see cref="DecisionOutcome.Observed"/>
/// and keeps the capacity it would have chosen; the other outcomes are reported as they are, since none of them acts.
/// A vertical policy (its actions step along a SKU ladder) keeps the capacity and sets <see cref="ScalingDecision.NewSku"/>.
/// </para>
/// </remarks>
public static class ScalingEngine
{
    public static ScalingDecision Decide(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, TargetState state, int currentCapacity, DateTimeOffset now, PriceTable? prices = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(state);

        var votes = RuleVotes.Read(policy, windows, state, currentCapacity, now, prices);
        var choice = DirectionChoice.Choose(votes);
        var proposal = AdjustmentStages.Run(votes, choice);
        return DecisionRendering.Render(votes, proposal, windows);
    }
}
