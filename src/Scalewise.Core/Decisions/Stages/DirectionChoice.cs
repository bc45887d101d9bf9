namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// The second stage: which way the votes point, with Azure autoscale's semantics. Bounds come first (a capacity outside
/// them is brought back whatever the rules say); then a policy without rules, a tick without any data and a SKU off the
/// ladder decide nothing; then scale out when any vote asks for more (the largest wins), scale in only when every scale-in
/// voter agrees (the smallest reduction wins), else no change.
/// </summary>
/// <param name="Winner">The vote that decides the change (an index into <see cref="RuleVotes.Evaluations"/>), or -1.</param>
/// <param name="Why">How the winner came to decide: alone, as the largest scale-out or as the smallest scale-in.</param>
/// <param name="Count">How many votes asked for the change.</param>
internal sealed record DirectionChoice(DirectionChoice.Kinds Kind, int Winner = -1, DirectionChoice.Reasons Why = DirectionChoice.Reasons.Single, int Count = 0)
{
    public enum Kinds
    {
        BelowMinimum,
        AboveMaximum,
        NoRules,
        NoData,
        OffLadder,
        Out,
        In,
        InNotUnanimous,
        Quiet,
    }

    public enum Reasons
    {
        Single,
        LargestOut,
        SmallestIn,
    }

    /// <summary>The unit the winner asks for, kept for scale-in stabilization; the current capacity when nothing moves.</summary>
    public int Recommended(RuleVotes votes) => Kind is Kinds.Out or Kinds.In ? votes.Desired[Winner] : votes.Current;

    public static DirectionChoice Choose(RuleVotes votes)
    {
        var bounds = votes.Policy.Capacity;
        if (votes.Current < bounds.Minimum)
        {
            return new(Kinds.BelowMinimum);
        }

        if (votes.Current > bounds.Maximum)
        {
            return new(Kinds.AboveMaximum);
        }

        if (votes.Evaluations.Length == 0)
        {
            return new(Kinds.NoRules);
        }

        if (votes.NoneObserved())
        {
            return new(Kinds.NoData);
        }

        if (votes.Vertical && votes.CurrentUnit < 0)
        {
            return new(Kinds.OffLadder);
        }

        return Out(votes) ?? In(votes) ?? new(Kinds.Quiet);
    }

    private static DirectionChoice? Out(RuleVotes votes)
    {
        var winner = -1;
        var asking = 0;
        for (var i = 0; i < votes.Evaluations.Length; i++)
        {
            if (!votes.AsksOut(i))
            {
                continue;
            }

            asking++;
            if (winner < 0 || votes.Desired[i] > votes.Desired[winner])
            {
                winner = i;
            }
        }

        return winner < 0 ? null : new(Kinds.Out, winner, asking == 1 ? Reasons.Single : Reasons.LargestOut, asking);
    }

    private static DirectionChoice? In(RuleVotes votes)
    {
        var voters = 0;
        var willing = 0;
        var winner = -1;
        for (var i = 0; i < votes.Evaluations.Length; i++)
        {
            if (!votes.VotesIn(i))
            {
                continue;
            }

            voters++;
            if (votes.WillingIn(i))
            {
                willing++;
                if (winner < 0 || votes.Desired[i] > votes.Desired[winner])
                {
                    winner = i;
                }
            }
        }

        if (voters == 0 || willing == 0)
        {
            return null;
        }

        if (willing < voters)
        {
            return new(Kinds.InNotUnanimous, Count: willing);
        }

        if (votes.Desired[winner] >= votes.CurrentUnit)
        {
            return null;
        }

        return new(Kinds.In, winner, willing == 1 ? Reasons.Single : Reasons.SmallestIn, willing);
    }
}
