using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Procedures;

public sealed class ProcedureGuardTests
{
    private static readonly TargetState NeverScaled = TargetState.Empty("web-tier");

    private static readonly TargetSnapshot AtEight = new(ScaleSetId, 8, ProvisioningStates.Succeeded, null);

    private static ScalingPolicy Predictive(MaxCapacityBreach breach) => Policy(2, 10, CpuHigh()) with
    {
        Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000, MaxCapacityBreach: breach, MaxCapacityBuffer: breach == MaxCapacityBreach.IncreaseMaxCapacity ? 10 : 0),
    };

    [Fact]
    public void Check_PredictiveUpToTheRaisedMaximum_IsAllowedAboveThePolicyMaximum()
    {
        var verdict = ProcedureGuard.Check(Predictive(MaxCapacityBreach.IncreaseMaxCapacity), NeverScaled, AtEight, DecisionKind.Predictive, 13, Now, raisedMaximum: 13);

        Assert.True(verdict.Allowed, verdict.Reason);
        Assert.Contains("maximum raised to 13", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PredictiveOneAboveTheRaisedMaximum_IsRefused()
    {
        var verdict = ProcedureGuard.Check(Predictive(MaxCapacityBreach.IncreaseMaxCapacity), NeverScaled, AtEight, DecisionKind.Predictive, 14, Now, raisedMaximum: 13);

        Assert.False(verdict.Allowed);
        Assert.Contains("outside the policy's bounds (2 to 10) (maximum raised to 13", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RaisedMaximumButPolicyNowHonorsItsMaximum_IsRefused()
    {
        var verdict = ProcedureGuard.Check(Predictive(MaxCapacityBreach.HonorMaxCapacity), NeverScaled, AtEight, DecisionKind.Predictive, 12, Now, raisedMaximum: 13);

        Assert.False(verdict.Allowed);
        Assert.Contains("outside the policy's bounds (2 to 10)", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DecisionKind.Reactive)]
    [InlineData(DecisionKind.Manual)]
    [InlineData(DecisionKind.Emergency)]
    [InlineData(DecisionKind.Scheduled)]
    public void Check_RaisedMaximumOnAnyOtherKind_IsRefused(DecisionKind kind)
    {
        var verdict = ProcedureGuard.Check(Predictive(MaxCapacityBreach.IncreaseMaxCapacity), NeverScaled, AtEight, kind, 12, Now, raisedMaximum: 13);

        Assert.False(verdict.Allowed);
    }

    [Fact]
    public void Check_PredictiveAboveMaximumWithoutRaisedMaximum_IsRefused()
    {
        var verdict = ProcedureGuard.Check(Predictive(MaxCapacityBreach.IncreaseMaxCapacity), NeverScaled, AtEight, DecisionKind.Predictive, 11, Now);

        Assert.False(verdict.Allowed);
    }

    [Fact]
    public void AllowedMaximum_RaisedBeyondTheScaleSetLimit_IsCappedAtTheLimit()
    {
        Assert.Equal(PolicyValidator.MaximumCapacity, ProcedureGuard.AllowedMaximum(Predictive(MaxCapacityBreach.IncreaseMaxCapacity), DecisionKind.Predictive, PolicyValidator.MaximumCapacity + 50));
    }
}
