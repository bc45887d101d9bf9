using Kinds = Scalewise.Core.Decisions.Stages.DirectionChoice.Kinds;

namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// The third stage: the adjustments, each a small function from proposal to proposal that notes what it changed. A
/// choice that moves nothing is final at once (bounds restored, no rules, no data with its fallback or default, a SKU off
/// the ladder, no change); scale-out goes through bounds, cooldown, the bounds' cap and the cost cap; scale-in through
/// warm-up, stabilization, flapping, bounds, cooldown and the bounds' cap.
/// </summary>
internal static class AdjustmentStages
{
    public static Proposal Run(RuleVotes votes, DirectionChoice choice)
    {
        var bounds = votes.Policy.Capacity;
        return choice.Kind switch
        {
            Kinds.BelowMinimum => Proposal.Final(choice, DecisionOutcome.Scale, ScaleDirection.Increase, bounds.Minimum, new StageNote.BoundsRestored(true, bounds.Minimum)),
            Kinds.AboveMaximum => Proposal.Final(choice, DecisionOutcome.Scale, ScaleDirection.Decrease, bounds.Maximum, new StageNote.BoundsRestored(false, bounds.Maximum)),
            Kinds.NoData => MissingData(votes, choice),
            Kinds.OffLadder => Proposal.Final(choice, DecisionOutcome.NoChange, ScaleDirection.None, votes.Current, new StageNote.OffLadder()),
            Kinds.Out => ScaleOut(votes, choice),
            Kinds.In => ScaleIn(votes, choice),
            _ => Proposal.Final(choice, DecisionOutcome.NoChange, ScaleDirection.None, votes.Current),
        };
    }

    private static Proposal ScaleOut(RuleVotes votes, DirectionChoice choice)
    {
        var proposal = Proposal.Open(choice, ScaleDirection.Increase, votes.Desired[choice.Winner]);
        proposal = Bounds(votes, proposal);
        proposal = Cooldown(votes, proposal);
        proposal = BoundCap(proposal);
        proposal = CostCap.Apply(votes, proposal);
        return Moved(votes, proposal);
    }

    private static Proposal ScaleIn(RuleVotes votes, DirectionChoice choice)
    {
        var proposal = Proposal.Open(choice, ScaleDirection.Decrease, votes.Desired[choice.Winner]);
        proposal = ScaleInChecks.WarmUp(votes, proposal);
        proposal = ScaleInChecks.Stabilization(votes, proposal);
        proposal = ScaleInChecks.Flapping(votes, proposal);
        proposal = Bounds(votes, proposal);
        proposal = Cooldown(votes, proposal);
        proposal = BoundCap(proposal);
        return Moved(votes, proposal);
    }

    /// <summary>No metric had data: the policy's fallback after enough failures, else its default capacity when below it, else nothing.</summary>
    private static Proposal MissingData(RuleVotes votes, DirectionChoice choice)
    {
        var failures = votes.State.ConsecutiveMetricFailures + 1;
        var bounds = votes.Policy.Capacity;
        if (votes.Policy.Fallback is { } fallback && failures >= fallback.AfterFailures && bounds.Clamp(fallback.Capacity) > votes.Current)
        {
            var target = bounds.Clamp(fallback.Capacity);
            return Proposal.Final(choice, DecisionOutcome.Scale, ScaleDirection.Increase, target, new StageNote.Fallback(failures, target));
        }

        if (votes.Current < bounds.Default)
        {
            return Proposal.Final(choice, DecisionOutcome.Scale, ScaleDirection.Increase, bounds.Default, new StageNote.DefaultCapacity(bounds.Default));
        }

        return Proposal.Final(choice, DecisionOutcome.NoData, ScaleDirection.None, votes.Current);
    }

    /// <summary>Bounds: what the votes want, brought within the bounds (the ladder's ends); at the bound already, nothing moves.</summary>
    private static Proposal Bounds(RuleVotes votes, Proposal proposal)
    {
        if (proposal.Settled)
        {
            return proposal;
        }

        var target = Math.Clamp(proposal.Wanted, votes.MinUnit, votes.MaxUnit);
        return target == votes.CurrentUnit
            ? proposal.Hold(DecisionOutcome.AtBound, proposal.Direction, votes.Current, new StageNote.AtBound(proposal.Direction))
            : proposal with { Unit = target };
    }

    /// <summary>Cooldown: the winning vote's cooldown since the last scaling in this direction holds the change.</summary>
    private static Proposal Cooldown(RuleVotes votes, Proposal proposal)
    {
        if (proposal.Settled)
        {
            return proposal;
        }

        var direction = proposal.Direction;
        var winner = proposal.Choice.Winner;
        var cooldown = votes.CooldownOf(winner, direction);
        var last = direction == ScaleDirection.Increase ? votes.State.LastScaleOutAt : votes.State.LastScaleInAt;
        return last is { } at && votes.Now < at + cooldown
            ? proposal.Hold(DecisionOutcome.CooldownHeld, direction, votes.Current, new StageNote.Cooldown(winner, direction, proposal.Unit, at, cooldown))
            : proposal;
    }

    /// <summary>The bounds' cap: a change larger than the bounds allow goes as far as they do, and says so.</summary>
    private static Proposal BoundCap(Proposal proposal) =>
        proposal.Settled || proposal.Unit == proposal.Wanted ? proposal : proposal.Note(new StageNote.BoundCapped(proposal.Direction, proposal.Wanted, proposal.Unit));

    /// <summary>A change that passed every stage moves the target: to a rung of the ladder for a vertical policy.</summary>
    private static Proposal Moved(RuleVotes votes, Proposal proposal) => proposal.Settled ? proposal : proposal with { IsSku = votes.Vertical };
}
