using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Tests.Procedures;

/// <summary>
/// The launcher called by many at once for one target (manual requests, the tick, schedules share it): the check for a
/// running procedure and the start are one step, so one procedure starts, and it runs to the end (no wedged instance).
/// </summary>
[Collection(LocalEstateCollection.Name)]
public sealed class ProcedureLauncherConcurrencyTests(LocalEstateFixture estate)
{
    [Fact]
    public async Task LaunchAsync_HundredCallersAtOnce_StartsOneProcedureThatCompletes()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("launch-race", capacity: 2);
        var decision = ManualScaling.Decide(policy, 5, 2, "tests", "race", DateTimeOffset.UtcNow).Decision!;
        var launcher = estate.Services.GetRequiredService<ProcedureLauncher>();
        using var start = new SemaphoreSlim(0);
        var launches = Enumerable.Range(0, 100).Select(async _ =>
        {
            await start.WaitAsync();
            return await launcher.LaunchAsync(estate.Host.Client, policy, decision, "tests", CancellationToken.None);
        }).ToList();

        start.Release(100);
        var results = await Task.WhenAll(launches);

        Assert.Single(results, r => r.Started);
        Assert.All(results, r => Assert.Equal(ProcedureIds.ForTarget(policy.Id), r.InstanceId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var instance = await estate.Host.Client.WaitForInstanceCompletionAsync(ProcedureIds.ForTarget(policy.Id), timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(5, scaleSet.Capacity);
    }
}
