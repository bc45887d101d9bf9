using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Targets;
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

    private static readonly ScalingPolicy Vm = Bounded with
    {
        Target = new ScaleTarget(TargetKind.VirtualMachine, "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm1"),
        Ladder = [new("Standard_D2s_v3", 0.096m), new("Standard_D4s_v3", 0.192m), new("Standard_D8s_v3", 0.384m)],
    };

    [Fact]
    public void DecideSku_TwoRungsDown_AcceptsAStepDownThatNeedsTheSkuChange()
    {
        var result = ManualScaling.DecideSku(Vm, "standard_d2s_v3", "Standard_D8s_v3", "alice", "after the sale", Now);

        var decision = Assert.IsType<ScalingDecision>(result.Decision);
        Assert.Equal(DecisionKind.Manual, decision.Kind);
        Assert.Equal(ScaleDirection.Decrease, decision.Direction);
        Assert.Equal("Standard_D2s_v3", decision.NewSku);
        Assert.True(decision.RequiresSkuChange);
        Assert.Equal("Manual step down Standard_D8s_v3 → Standard_D2s_v3 requested by alice (reason: \"after the sale\").", decision.Reason);
    }

    [Fact]
    public void DecideSku_OffTheLadder_RefusesNamingTheSkuAndTheLadder()
    {
        var result = ManualScaling.DecideSku(Vm, "Standard_E64s_v5", "Standard_D2s_v3", "alice", null, Now);

        Assert.False(result.IsAccepted);
        Assert.Equal("sku", result.Field);
        Assert.Equal("SKU 'Standard_E64s_v5' is not on the policy's ladder (allowed: Standard_D2s_v3, Standard_D4s_v3, Standard_D8s_v3)", result.Error);
    }

    [Fact]
    public void DecideSku_TheCurrentSku_AcceptsAsNoChange()
    {
        var result = ManualScaling.DecideSku(Vm, "Standard_D4s_v3", "Standard_D4s_v3", "alice", null, Now);

        var decision = Assert.IsType<ScalingDecision>(result.Decision);
        Assert.Equal(DecisionOutcome.NoChange, decision.Outcome);
        Assert.False(decision.RequiresSkuChange);
    }
}
