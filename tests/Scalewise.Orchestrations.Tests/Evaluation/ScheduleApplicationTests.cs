using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Ports;
using Scalewise.Core.Scheduling;
using Scalewise.Orchestrations.Evaluation;

namespace Scalewise.Orchestrations.Tests.Evaluation;

[Collection(LocalEstateCollection.Name)]
public sealed class ScheduleApplicationTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ApplyAsync_WindowBeganWithinTheLastMinute_RecordsScheduledDecisionAndReachesDesired()
    {
        var now = new DateTimeOffset(2026, 3, 2, 8, 0, 30, TimeSpan.Zero);
        var (added, scaleSet) = await estate.AddTargetAsync("sched", capacity: 2, minimum: 1, maximum: 10);
        var window = new FixedWindow("launch", new DateTime(2026, 3, 2, 8, 0, 0), new DateTime(2026, 3, 2, 20, 0, 0), "UTC", new WindowCapacity(3, 8, Desired: 4));
        var policy = added with { Schedule = new Schedule { FixedWindows = [window] } };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);
        var schedules = ActivatorUtilities.CreateInstance<ScheduleApplication>(estate.Services, new FixedClock(now));

        var decision = await schedules.ApplyAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.NotNull(decision);
        Assert.Equal(DecisionKind.Scheduled, decision.Kind);
        Assert.Equal(4, decision.NewCapacity);
        using var budget = new CancellationTokenSource(Budget);
        await estate.Host.Client.WaitForInstanceCompletionAsync($"scale-{policy.Id}", budget.Token);
        Assert.Equal(4, scaleSet.Capacity);
        var logged = await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None);
        Assert.Contains(logged, d => d.Kind == DecisionKind.Scheduled && d.Reason.Contains("'launch' began", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_NoTransitionWithinTheLastMinute_DoesNothing()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var (added, scaleSet) = await estate.AddTargetAsync("steady", capacity: 2, minimum: 1, maximum: 10);
        var window = new FixedWindow("launch", new DateTime(2026, 3, 2, 8, 0, 0), new DateTime(2026, 3, 2, 20, 0, 0), "UTC", new WindowCapacity(3, 8, Desired: 4));
        var policy = added with { Schedule = new Schedule { FixedWindows = [window] } };
        var schedules = ActivatorUtilities.CreateInstance<ScheduleApplication>(estate.Services, new FixedClock(now));

        var decision = await schedules.ApplyAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.Null(decision);
        Assert.Equal(2, scaleSet.Capacity);
    }

    [Fact]
    public async Task GetAsync_ForecastStored_ReturnsItWithAccuracy()
    {
        var (policy, _) = await estate.AddTargetAsync("fc", capacity: 2);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var forecast = new DemandForecast("holt-winters", at, [new ForecastPoint(at, 1200), new ForecastPoint(at.AddHours(1), 1500)], new ForecastAccuracy(0.6, 12, 1, 15, 24, 48, 168), "lowest MASE");
        await estate.Services.GetRequiredService<IForecastStore>().SaveAsync(policy.Id, forecast, CancellationToken.None);
        var query = estate.Services.GetRequiredService<TargetForecastQuery>();

        var (found, problem) = await query.GetAsync(policy.Id, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal("holt-winters", found!.Forecast.Method);
        Assert.Equal(1500, found.Forecast.Points[1].Demand);
        Assert.Equal(0.6, found.Forecast.Accuracy!.Mase);
    }

    [Fact]
    public async Task GetAsync_NoForecastYet_IsNotFoundProblem()
    {
        var (policy, _) = await estate.AddTargetAsync("nofc", capacity: 2);
        var query = estate.Services.GetRequiredService<TargetForecastQuery>();

        var (found, problem) = await query.GetAsync(policy.Id, CancellationToken.None);

        Assert.Null(found);
        Assert.Equal(404, problem!.Status);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
