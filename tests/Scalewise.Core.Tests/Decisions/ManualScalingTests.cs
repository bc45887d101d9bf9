using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Decisions;

public sealed class ManualScalingTests
{
    private static readonly ScalingPolicy Bounded = Policy(2, 100, CpuHigh());

    [Fact]
    public void Decide_AboveMaximum_RefusesNamingTheMaximumAndTheAllowedRange()
    {
        var result = ManualScaling.Decide(Bounded, 150, 4, "alice", "launch day", Now);

        Assert.False(result.IsAccepted);
        Assert.Null(result.Decision);
        Assert.Equal("capacity", result.Field);
        Assert.Equal("capacity 150 is above the policy's maximum of 100 (allowed: 2 to 100)", result.Error);
    }

    [Fact]
    public void Decide_BelowMinimum_RefusesNamingTheMinimumAndTheAllowedRange()
    {
        var result = ManualScaling.Decide(Bounded, 1, 4, "alice", null, Now);

        Assert.False(result.IsAccepted);
        Assert.Equal("capacity", result.Field);
        Assert.Equal("capacity 1 is below the policy's minimum of 2 (allowed: 2 to 100)", result.Error);
    }

    [Fact]
    public void Decide_EqualToCurrentCapacity_AcceptsAsNoChangeThatNeedsNoAction()
    {
        var result = ManualScaling.Decide(Bounded, 4, 4, "alice", null, Now);

        var decision = Assert.IsType<ScalingDecision>(result.Decision);
        Assert.Equal(DecisionKind.Manual, decision.Kind);
        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.Equal(4, decision.NewCapacity);
        Assert.False(decision.RequiresAction);
        Assert.Equal("No change at 4: alice asked for capacity 4, which the target already has (no reason given).", decision.Reason);
    }

    [Fact]
    public void Decide_WithinBounds_AcceptsAScaleDecisionThatSaysWhoAndWhy()
    {
        var result = ManualScaling.Decide(Bounded, 40, 4, "alice", "launch day", Now);

        Assert.True(result.IsAccepted);
        Assert.Null(result.Error);
        var decision = result.Decision!;
        Assert.Equal(DecisionKind.Manual, decision.Kind);
        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal(ScaleDirection.Increase, decision.Direction);
        Assert.Equal(4, decision.CurrentCapacity);
        Assert.Equal(40, decision.NewCapacity);
        Assert.True(decision.RequiresAction);
        Assert.Equal("web-tier", decision.PolicyId);
        Assert.Equal(Now, decision.DecidedAt);
        Assert.Equal("Manual scale out 4 → 40 requested by alice (reason: \"launch day\").", decision.Reason);
    }

    [Fact]
    public void Decide_DownToTheMinimum_AcceptsAScaleIn()
    {
        var result = ManualScaling.Decide(Bounded, 2, 10, "ops-bot", "night", Now);

        Assert.Equal(ScaleDirection.Decrease, result.Decision!.Direction);
        Assert.Equal(2, result.Decision.NewCapacity);
        Assert.StartsWith("Manual scale in 10 → 2 requested by ops-bot", result.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoRequester_RefusesNamingTheField()
    {
        var result = ManualScaling.Decide(Bounded, 10, 4, " ", null, Now);

        Assert.Equal("requestedBy", result.Field);
        Assert.Contains("say who asks for the change", result.Error, StringComparison.Ordinal);
    }
}
