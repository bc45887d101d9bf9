using Scalewise.Core.Policies;
using Scalewise.Orchestrations.Evaluation;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>Which policies the short CheckEmergencies tick looks at, on every host (the local runner schedules its checks by it).</summary>
public sealed class TimerJobsTests
{
    [Theory]
    [InlineData("vmss-flash-crowd.json", true)]
    [InlineData("web-default.json", true)]
    [InlineData("vmss-burst.json", false)]
    [InlineData("vmss-noon-schedule.json", false)]
    [InlineData("seed-002-sketchy-chain-redis.json", false)]
    [InlineData("vm-resize.json", false)]
    public void MayHaveEmergency_ExamplePolicy_OnlyScaleSetsWithEmergencySettingsOrACriticalTier(string example, bool expected)
    {
        var parsed = PolicyDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", example)));

        Assert.Equal(expected, TimerJobs.MayHaveEmergency(parsed.Policy!));
    }
}
