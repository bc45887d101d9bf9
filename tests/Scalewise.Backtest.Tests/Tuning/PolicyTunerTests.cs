using Scalewise.Backtest.Strategies;
using Scalewise.Backtest.Tuning;
using Scalewise.Core.Policies;
using static Scalewise.Backtest.Tests.SimulationSamples;

namespace Scalewise.Backtest.Tests.Tuning;

public sealed class PolicyTunerTests
{
    [Theory]
    [InlineData(100, 5, 120, 5, 10, true)] // both within: cheaper wins
    [InlineData(130, 5, 120, 5, 10, false)]
    [InlineData(200, 9, 120, 20, 10, true)] // within beats over, whatever the cost
    [InlineData(100, 20, 120, 5, 10, false)] // over never beats within
    [InlineData(300, 15, 120, 30, 10, true)] // both over: fewer violations wins
    [InlineData(100, 30, 120, 15, 10, false)]
    public void Better_BudgetFirstThenCost(long candidateCost, int candidateViolations, long currentCost, int currentViolations, int budget, bool expected)
    {
        Assert.Equal(expected, PolicyTuner.Better(Result(candidateCost, candidateViolations), Result(currentCost, currentViolations), budget));
    }

    [Fact]
    public void Tune_DefaultBudget_NeverWorseOnEitherCount()
    {
        var trace = DailyTrace(days: 2);
        var policy = PolicyDocument.Parse(ExampleJson("web-default.json")).Policy!;

        var tuned = PolicyTuner.Tune(policy, trace, Model());

        Assert.Equal(tuned.OriginalSloViolationMinutes, tuned.ViolationBudget);
        Assert.True(tuned.TunedSloViolationMinutes <= tuned.ViolationBudget, $"{tuned.TunedSloViolationMinutes} > {tuned.ViolationBudget}");
        Assert.True(tuned.TunedInstanceMinutes <= tuned.OriginalInstanceMinutes);
        Assert.Empty(PolicyValidator.Validate(tuned.Policy));
    }

    [Fact]
    public void Tune_LooserBudget_BuysAStrictlyCheaperPolicyWithinIt()
    {
        var trace = DailyTrace(days: 2);
        var policy = PolicyDocument.Parse(ExampleJson("web-default.json")).Policy!;
        var original = PolicyTuner.Tune(policy, trace, Model());

        var tuned = PolicyTuner.Tune(policy, trace, Model(), violationBudget: original.OriginalSloViolationMinutes + 200);

        Assert.True(tuned.TunedInstanceMinutes < tuned.OriginalInstanceMinutes, $"{tuned.TunedInstanceMinutes} vs {tuned.OriginalInstanceMinutes}");
        Assert.True(tuned.TunedSloViolationMinutes <= tuned.ViolationBudget);
        Assert.NotEmpty(tuned.Steps);
        Assert.Equal(tuned.TunedInstanceMinutes, tuned.Steps[^1].InstanceMinutes);
    }

    [Fact]
    public void Split_ThreeHundredMinutes_TunesOnTwoHundredAndHoldsOutTheRest()
    {
        var trace = Trace([.. Enumerable.Range(0, 300)]);

        var (tuning, heldOut) = TuningSplit.Split(trace);

        Assert.Equal(200, tuning.Length);
        Assert.Equal(100, heldOut.Length);
        Assert.Equal(trace.TimeOf(200), heldOut.Start);
        Assert.Equal(199, tuning.RequestsAt(199));
        Assert.Equal(200, heldOut.RequestsAt(0));
    }

    [Fact]
    public void Split_TooShort_RefusedNamingTheLength()
    {
        var error = Assert.Throws<ArgumentException>(() => TuningSplit.Split(Trace([.. Enumerable.Repeat(10, 179)])));

        Assert.Contains("179 minutes", error.Message, StringComparison.Ordinal);
    }

    private static StrategyResult Result(long instanceMinutes, int violations) =>
        new("x", violations, instanceMinutes, 0, new ElasticityMetrics(0, 0, 0, 0, 0, 0), 0, [], null);

    /// <summary>A daily sine between 200 and 1,800 requests a minute (2 to 18 instances of 100).</summary>
    private static Core.Traces.WorkloadTrace DailyTrace(int days) =>
        Trace([.. Enumerable.Range(0, days * 1440).Select(m => (int)(1000 + (800 * Math.Sin(m / 1440.0 * 2 * Math.PI))))]);
}
