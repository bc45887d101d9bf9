using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Pricing;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Procedures;

/// <summary>The cost cap in the guard: every path that adds cost is held to <c>maxHourlyCost</c>, not only reactive scale-out.</summary>
public sealed class ProcedureGuardCostCapTests
{
    private static readonly TargetState NeverScaled = TargetState.Empty("web-tier");

    // 4 instances of Standard_D2s_v3 at 0.10 an hour: 0.40 now; the cap of 0.60 pays for 6.
    private static readonly TargetSnapshot AtFour = new(ScaleSetId, 4, ProvisioningStates.Succeeded, "Standard_D2s_v3");

    private static readonly PriceTable Prices = new([new("Standard_D2s_v3", 0.10m)]);

    private static ScalingPolicy Capped(bool emergenciesMayExceed = false) => Policy(2, 10, CpuHigh()) with
    {
        MaxHourlyCost = 0.60m,
        Emergency = new EmergencyScaling(GrowthMetric: "Requests", ExceedCostCap: emergenciesMayExceed),
    };

    [Theory]
    [InlineData(DecisionKind.Manual)]
    [InlineData(DecisionKind.Scheduled)]
    [InlineData(DecisionKind.Predictive)]
    [InlineData(DecisionKind.Emergency)]
    public void Check_AnyPathAboveTheCap_RefusedNamingCostAndCap(DecisionKind kind)
    {
        var verdict = ProcedureGuard.Check(Capped(), NeverScaled, AtFour, kind, 7, Now, prices: Prices);

        Assert.False(verdict.Allowed);
        Assert.Contains("7 × Standard_D2s_v3 costs 0.7 an hour (0.1 each), over the policy's maxHourlyCost of 0.6", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UpToWhatTheCapPays_Allowed()
    {
        var verdict = ProcedureGuard.Check(Capped(), NeverScaled, AtFour, DecisionKind.Manual, 6, Now, prices: Prices);

        Assert.True(verdict.Allowed, verdict.Reason);
    }

    [Fact]
    public void Check_EmergencyWhenThePolicyLetsItExceedTheCap_Allowed()
    {
        var verdict = ProcedureGuard.Check(Capped(emergenciesMayExceed: true), NeverScaled, AtFour, DecisionKind.Emergency, 9, Now, prices: Prices);

        Assert.True(verdict.Allowed, verdict.Reason);
    }

    [Fact]
    public void Check_ScaleInWhileAboveTheCap_AllowedSinceItCostsLess()
    {
        var atNine = AtFour with { Capacity = 9 };

        var verdict = ProcedureGuard.Check(Capped(), NeverScaled, atNine, DecisionKind.Manual, 8, Now, prices: Prices);

        Assert.True(verdict.Allowed, verdict.Reason);
    }

    [Fact]
    public void Check_SkuWithoutAPrice_NotHeld()
    {
        var unpriced = AtFour with { Sku = "Standard_Unlisted" };

        var verdict = ProcedureGuard.Check(Capped(), NeverScaled, unpriced, DecisionKind.Manual, 9, Now, prices: Prices);

        Assert.True(verdict.Allowed, verdict.Reason);
    }
}
