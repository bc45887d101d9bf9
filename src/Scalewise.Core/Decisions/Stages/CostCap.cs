namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// The cost cap stage of a scale-out: the policy's <see cref="ScalingPolicy.MaxHourlyCost"/> at the prices of the SKU
/// (a price table's, else the ladder's). A vertical policy steps down the ladder until the capacity at the rung's price
/// fits; a scale set goes no higher than the instances the cap pays for. Without a known price the cap is not enforced,
/// and that is noted.
/// </summary>
internal static class CostCap
{
    public static Proposal Apply(RuleVotes votes, Proposal proposal)
    {
        if (proposal.Settled || votes.Policy.MaxHourlyCost is not { } cap)
        {
            return proposal;
        }

        var target = proposal.Unit;
        if (votes.Vertical)
        {
            var unit = target;
            while (unit > votes.CurrentUnit && votes.PriceOf(votes.Ladder[unit].Name) is { } price && price * votes.Current > cap)
            {
                unit--;
            }

            if (votes.PriceOf(votes.Ladder[target].Name) is not { } targetPrice)
            {
                return proposal.Note(new StageNote.CostUnpriced(cap, votes.Ladder[target].Name));
            }

            return unit == target ? proposal : Capped(votes, proposal, new StageNote.CostCapped(cap, target, unit, targetPrice, 0));
        }

        if (votes.PriceOf(votes.State.CurrentSku) is not { } each)
        {
            return proposal.Note(new StageNote.CostUnpriced(cap, votes.State.CurrentSku));
        }

        var affordable = each <= 0 ? int.MaxValue : (int)Math.Floor(cap / each);
        return target <= affordable
            ? proposal
            : Capped(votes, proposal, new StageNote.CostCapped(cap, target, Math.Max(votes.CurrentUnit, affordable), each, affordable));
    }

    private static Proposal Capped(RuleVotes votes, Proposal proposal, StageNote.CostCapped note) => note.Capped <= votes.CurrentUnit
        ? proposal.Hold(DecisionOutcome.AtBound, ScaleDirection.Increase, votes.Current, note)
        : proposal.Note(note) with { Unit = note.Capped };
}
