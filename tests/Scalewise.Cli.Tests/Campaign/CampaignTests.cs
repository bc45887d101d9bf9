using System.Text.Json;
using Scalewise.Cli.Campaign;
using Scalewise.Core.Policies;
using Scalewise.Core.Serialization;
using Scalewise.Simulator;

namespace Scalewise.Cli.Tests.Campaign;

/// <summary>
/// <c>scalewise campaign</c>: plans drawn from seeds alone and the invariants. The short campaign over every fault kind is not
/// in the suite while it finds a race on main (issue 20 note: a procedure superseded by an emergency whose emergency launch
/// then finds the old instance still stopping; seed 1 fails now and then) and an 11-run batch that did not finish.
/// </summary>
public sealed class CampaignTests
{
    [Fact]
    public void Draw_SameSeed_SamePlanAndAnotherSeedAnother()
    {
        var first = JsonSerializer.Serialize(RunPlanner.Draw(4_242), ScalewiseJson.Options);
        var again = JsonSerializer.Serialize(RunPlanner.Draw(4_242), ScalewiseJson.Options);
        var other = JsonSerializer.Serialize(RunPlanner.Draw(4_243), ScalewiseJson.Options);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Draw_AnyConsecutiveSeedsAsManyAsKinds_DrawEveryFaultKindAndValidPolicies()
    {
        var plans = Enumerable.Range(1_000, RunPlanner.KindCount).Select(RunPlanner.Draw).ToList();

        Assert.Equal(Enum.GetValues<CampaignFault>().Order(), plans.SelectMany(p => p.Faults).Select(f => f.Kind).Distinct().Order());
        Assert.All(plans, p => Assert.Empty(PolicyDocument.Parse(JsonSerializer.Serialize(p.Policy, ScalewiseJson.Options)).Errors));
        Assert.All(plans, p => Assert.InRange(p.InitialCapacity, p.Policy.Capacity.Minimum, p.Policy.Capacity.Maximum));
    }

    [Fact]
    public void CheckStep_CapacityAboveTheMaximum_IsAViolationNamingTheBounds()
    {
        var estate = new Estate(TimeProvider.System);
        var plan = RunPlanner.Draw(7);
        var run = CampaignRun.Add(estate, plan, DateTimeOffset.UtcNow);
        var (_, maximum) = CampaignInvariants.Bounds(plan.Policy);
        run.ScaleSet.RequestCapacity(maximum + 1);

        CampaignInvariants.CheckStep(run, [], DateTimeOffset.UtcNow);

        Assert.Contains(run.Violations, v => v.StartsWith($"capacity {maximum + 1} outside the policy's bounds", StringComparison.Ordinal));
    }
}
