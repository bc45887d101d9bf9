using Scalewise.Backtest.Strategies;

namespace Scalewise.Backtest.Tuning;

/// <summary>
/// Searches a policy's knobs (<see cref="TuningKnobs"/>) for the lowest cost within a violation budget, replaying only the
/// trace it is given (the caller hands it the tuning part and keeps the rest for the report). Coordinate descent: for each
/// knob in turn, every candidate value is replayed (in parallel) and the best kept when it beats the policy so far; the
/// knobs are gone through <see cref="Passes"/> times. Better means: within the budget and cheaper, or, while the policy is
/// over the budget, fewer violations.
/// </summary>
public static class PolicyTuner
{
    public const int Passes = 2;

    /// <param name="violationBudget">The most SLO-violation minutes allowed on the tuning part; null for the original policy's own.</param>
    public static TuningResult Tune(ScalingPolicy policy, WorkloadTrace tuningPart, TargetModel model, int? violationBudget = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(tuningPart);
        ArgumentNullException.ThrowIfNull(model);
        var original = Replay(tuningPart, model, [policy])[0];
        var replays = 1;
        var budget = violationBudget ?? original.SloViolationMinutes;
        var best = (Policy: policy, Result: original);
        var steps = new List<TuningStep>();
        for (var pass = 0; pass < Passes; pass++)
        {
            var moved = false;
            foreach (var knobName in TuningKnobs.For(best.Policy).Select(k => k.Name).ToList())
            {
                // Knobs are re-derived from the best policy so far: a move on one rule keeps the moves on the others.
                var knob = TuningKnobs.For(best.Policy).Single(k => k.Name == knobName);
                var results = Replay(tuningPart, model, [.. knob.Candidates.Select(c => c.Policy)]);
                replays += results.Count;
                for (var i = 0; i < results.Count; i++)
                {
                    if (Better(results[i], best.Result, budget))
                    {
                        best = (knob.Candidates[i].Policy, results[i]);
                        steps.Add(new TuningStep(knob.Name, knob.Current, knob.Candidates[i].Value, results[i].InstanceMinutes, results[i].SloViolationMinutes));
                        moved = true;
                    }
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return new TuningResult(best.Policy, steps, budget, original.InstanceMinutes, original.SloViolationMinutes, best.Result.InstanceMinutes, best.Result.SloViolationMinutes, replays);
    }

    /// <summary>Whether <paramref name="candidate"/> beats <paramref name="current"/> under <paramref name="budget"/>.</summary>
    public static bool Better(StrategyResult candidate, StrategyResult current, int budget)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(current);
        var candidateWithin = candidate.SloViolationMinutes <= budget;
        var currentWithin = current.SloViolationMinutes <= budget;
        return (candidateWithin, currentWithin) switch
        {
            (true, true) => candidate.InstanceMinutes < current.InstanceMinutes,
            (true, false) => true,
            (false, true) => false,
            _ => candidate.SloViolationMinutes < current.SloViolationMinutes,
        };
    }

    private static IReadOnlyList<StrategyResult> Replay(WorkloadTrace trace, TargetModel model, IReadOnlyList<ScalingPolicy> policies) =>
        policies.Count == 0
            ? []
            : Backtester.Run(trace, model, policies[0].Capacity, [.. policies.Select(p => (ScalingStrategy)new PolicyStrategy(p))], keepSeries: false).Strategies;
}
