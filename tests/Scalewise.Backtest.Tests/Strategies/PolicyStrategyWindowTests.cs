using Scalewise.Backtest.Strategies;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using static Scalewise.Backtest.Tests.SimulationSamples;

namespace Scalewise.Backtest.Tests.Strategies;

/// <summary>What a backtested policy sees: the windows it reads are the last minutes the target reported, whatever their length.</summary>
public sealed class PolicyStrategyWindowTests
{
    [Fact]
    public void Replay_WindowsOfSeveralLengths_EveryDecisionSeesTheLastMinutesOfEach()
    {
        // Windows of 2, 5 and 15 minutes on CPU, and a count of minutes with requests data over 10; load that moves,
        // a gap without data, and scale-outs whose procedures pause the decisions for a few minutes.
        var requests = Enumerable.Range(0, 240).Select(m => m is >= 100 and < 104 ? -1 : 150 + (int)(250 * Math.Abs(Math.Sin(m / 20.0)))).ToArray();
        var count = new ScalingRule(
            "requests-seen",
            new MetricTrigger("Requests", null, null, TimeAggregation.Count, TimeAggregation.Total, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), ComparisonOperator.LessThan, 0),
            new ScaleAction(ScaleDirection.Decrease, 1, TimeSpan.FromMinutes(5)));
        var policy = Policy(
            1,
            20,
            2,
            Rule("surge", ComparisonOperator.GreaterThan, 90, ScaleDirection.Increase, 2, windowMinutes: 2, cooldownMinutes: 2),
            Rule("high", ComparisonOperator.GreaterThan, 70, ScaleDirection.Increase, 1, windowMinutes: 5, cooldownMinutes: 3),
            Rule("low", ComparisonOperator.LessThan, 30, ScaleDirection.Decrease, 1, windowMinutes: 15, cooldownMinutes: 10),
            count);
        var checking = new CheckingStrategy(new PolicyStrategy(policy), policy);

        Backtester.Replay(Trace(requests), Model(), policy.Capacity, checking);

        Assert.True(checking.Decisions > 150, $"only {checking.Decisions} decisions were checked");
        Assert.Empty(checking.Mismatches);
    }

    [Fact]
    public void Run_SameStrategyManyTimesInParallel_SameResultAndReasonsAsOneReplay()
    {
        var policy = Policy(
            1,
            20,
            2,
            Rule("high", ComparisonOperator.GreaterThan, 70, ScaleDirection.Increase, 2, windowMinutes: 5, cooldownMinutes: 3),
            Rule("low", ComparisonOperator.LessThan, 30, ScaleDirection.Decrease, 1, windowMinutes: 10, cooldownMinutes: 10));
        var trace = Phases((30, 200), (60, 900), (40, 300), (60, 1200), (50, 100));
        var alone = new PolicyStrategy(policy);
        var expected = Backtester.Replay(trace, Model(), policy.Capacity, alone);

        var strategies = Enumerable.Range(0, 8).Select(i => new PolicyStrategy(policy, $"copy-{i}")).ToList();
        var results = Backtester.Run(trace, Model(), policy.Capacity, strategies).Strategies;

        Assert.All(results, result =>
        {
            Assert.Equal(expected.SloViolationMinutes, result.SloViolationMinutes);
            Assert.Equal(expected.InstanceMinutes, result.InstanceMinutes);
            Assert.Equal(expected.ScalingActions, result.ScalingActions);
            Assert.Equal(expected.ReadyCapacity, result.ReadyCapacity);
        });
        Assert.All(strategies, strategy =>
        {
            Assert.Equal(alone.Outcomes.OrderBy(o => o.Key), strategy.Outcomes.OrderBy(o => o.Key));
            Assert.Equal(alone.LastDecision!.Reason, strategy.LastDecision!.Reason);
        });
    }

    /// <summary>Checks every decision's observed values against the tick's own history, read independently here.</summary>
    private sealed class CheckingStrategy(PolicyStrategy inner, ScalingPolicy policy) : ScalingStrategy
    {
        private ScalingDecision? last;

        public List<string> Mismatches { get; } = [];

        public int Decisions { get; private set; }

        public override string Name => inner.Name;

        public override CapacityRequest Decide(ReplayTick tick)
        {
            var request = inner.Decide(tick);
            if (ReferenceEquals(inner.LastDecision, last))
            {
                return request;
            }

            last = inner.LastDecision!;
            Decisions++;
            for (var i = 0; i < policy.Rules.Count; i++)
            {
                var trigger = policy.Rules[i].Trigger;
                SimulatedMetricNames.TryResolve(trigger.MetricName, out var metric);
                var expected = Expected(tick.History(metric), (int)trigger.TimeWindow.TotalMinutes, trigger.Statistic == TimeAggregation.Count);
                var observed = last.Evaluations[i].Observed;
                if (expected is null != observed is null || (expected is { } e && Math.Abs(e - observed!.Value) > 1e-9))
                {
                    Mismatches.Add($"minute {tick.Minute}, rule '{policy.Rules[i].Name}': expected {expected}, observed {observed}");
                }
            }

            return request;
        }

        /// <summary>The average (or, for a count, the number) of the values with data in the last <paramref name="minutes"/>.</summary>
        private static double? Expected(ReadOnlySpan<double> history, int minutes, bool count)
        {
            double sum = 0;
            var seen = 0;
            for (var m = Math.Max(0, history.Length - minutes); m < history.Length; m++)
            {
                if (!double.IsNaN(history[m]))
                {
                    sum += history[m];
                    seen++;
                }
            }

            return seen == 0 ? null : count ? seen : sum / seen;
        }
    }
}
