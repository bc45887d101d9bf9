namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// The stages only a scale-in goes through, in this order: instances still warming up hold it (they are not counted
/// yet); scale-in stabilization raises it to the highest recent recommendation (HPA); flapping protection keeps it
/// where no scale-out vote would fire again at the new capacity (Azure autoscale). Each notes what it changed.
/// </summary>
internal static class ScaleInChecks
{
    public static Proposal WarmUp(RuleVotes votes, Proposal proposal) =>
        proposal.Settled || votes.Vertical || votes.State.WarmingInstances <= 0
            ? proposal
            : proposal.Hold(DecisionOutcome.NoChange, ScaleDirection.None, votes.Current, new StageNote.WarmUp(votes.State.WarmingInstances));

    public static Proposal Stabilization(RuleVotes votes, Proposal proposal)
    {
        if (proposal.Settled || votes.Policy.ScaleInStabilization is not { } window || window <= TimeSpan.Zero)
        {
            return proposal;
        }

        var wanted = proposal.Wanted;
        var highest = wanted;
        foreach (var recommendation in votes.State.RecentRecommendations)
        {
            if (recommendation.At > votes.Now - window && recommendation.At <= votes.Now)
            {
                highest = Math.Max(highest, votes.Vertical ? highest : recommendation.Capacity);
            }
        }

        if (highest <= wanted)
        {
            return proposal;
        }

        var note = new StageNote.Stabilized(window, highest, wanted);
        return highest >= votes.Current
            ? proposal.Hold(DecisionOutcome.NoChange, ScaleDirection.None, votes.Current, note)
            : proposal.Note(note) with { Wanted = highest };
    }

    public static Proposal Flapping(RuleVotes votes, Proposal proposal)
    {
        if (proposal.Settled || votes.Vertical || !votes.Policy.FlappingProtection)
        {
            return proposal;
        }

        var wanted = proposal.Wanted;
        var safe = wanted;
        (int Index, double Estimate)? flap = null;
        while (safe < votes.Current && WouldScaleOut(votes, safe) is { } found)
        {
            flap ??= found;
            safe++;
        }

        if (flap is not { } first)
        {
            return proposal;
        }

        var note = new StageNote.Flapping(wanted, safe, first.Index, first.Estimate);
        return safe >= votes.Current
            ? proposal.Hold(DecisionOutcome.NoChange, ScaleDirection.None, votes.Current, note)
            : proposal.Note(note) with { Wanted = safe };
    }

    /// <summary>The first vote that would scale out at <paramref name="capacity"/>, estimating each metric as metric × current / new (Azure autoscale's flapping check).</summary>
    private static (int Index, double Estimate)? WouldScaleOut(RuleVotes votes, int capacity)
    {
        var factor = (double)votes.Current / capacity;
        for (var i = 0; i < votes.Evaluations.Length; i++)
        {
            if (votes.Evaluations[i].Observed is not { } observed)
            {
                continue;
            }

            var estimate = observed * factor;
            if (votes.IsRule(i))
            {
                var rule = votes.Rules[i];
                if (rule.Action.Direction == ScaleDirection.Increase && rule.Trigger.IsMet(estimate))
                {
                    return (i, estimate);
                }
            }
            else if (estimate / votes.Tracking[i - votes.Rules.Count].TargetValue > 1 + votes.Tracking[i - votes.Rules.Count].Tolerance)
            {
                return (i, estimate);
            }
        }

        return null;
    }
}
