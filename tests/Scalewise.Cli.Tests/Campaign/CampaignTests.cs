using System.Text.Json;
using Scalewise.Cli.Campaign;
using Scalewise.Core.Policies;
using Scalewise.Core.Serialization;
using Scalewise.Simulator;

namespace Scalewise.Cli.Tests.Campaign;

/// <summary><c>scalewise campaign</c>: plans drawn from seeds alone, the invariants, and a short campaign covering every fault kind.</summary>
public sealed class CampaignTests
{
    [Fact]
    public async Task Campaign_OneRunPerFaultKind_EveryKindAppliedNoViolationAndTheJsonLineLast()
    {
        var output = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));

        var exit = await new CampaignRunner(new CampaignOptions(Runs: RunPlanner.KindCount, Seed: 0, Parallel: 6, Speed: 120), output).ExecuteAsync(timeout.Token);

        var text = output.ToString();
        Assert.True(exit == 0, text);
        using var line = JsonDocument.Parse(text.TrimEnd().Split('\n')[^1]);
        var result = line.RootElement;
        Assert.Equal(RunPlanner.KindCount, result.GetProperty("runs").GetInt32());
        Assert.Equal(0, result.GetProperty("invariantViolations").GetInt32());
        Assert.Empty(result.GetProperty("failedSeeds").EnumerateArray());
        foreach (var kind in Enum.GetNames<CampaignFault>())
        {
            Assert.True(result.GetProperty("faultsByKind").GetProperty(kind).GetInt32() > 0, $"{kind} was never applied:\n{text}");
        }

        Assert.True(result.GetProperty("proceduresByOutcome").EnumerateObject().Sum(p => p.Value.GetInt32()) > 0, text);
    }

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
