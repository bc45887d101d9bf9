using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Redis;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.Operations;
using Scalewise.Simulator.Redis;

namespace Scalewise.Azure.Tests.Targets;

public sealed class RedisCacheControllerTests
{
    private static RedisCacheController Controller(AdapterHarness harness, TimeSpan? timeout = null) =>
        new(
            harness.Connection,
            Options.Create(new ArmTargetOptions { RedisExportContainer = new Uri("https://backups.blob.core.windows.net/redis?sv=2024&sig=x"), RequestTimeout = timeout }),
            NullLogger<RedisCacheController>.Instance);

    [Fact]
    public async Task GetAsync_ClusteredPremium_ReturnsSkuShardsAndState()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Premium, 2, 3));

        var state = await Controller(harness).GetAsync(TargetIds.Cache, CancellationToken.None);

        Assert.Equal(new RedisSku(RedisTier.Premium, 2, 3), state.Sku);
        Assert.Equal("Succeeded", state.ProvisioningState);
        Assert.Equal("East US", state.Location);
    }

    [Fact]
    public async Task BeginScaleAsync_EveryPlannedStep_ReachesTargetAfterEachStepsProvisioning()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1), new RedisCacheModel(ScalingDelayPerShard: TimeSpan.FromMinutes(10)));
        var controller = Controller(harness);
        var plan = RedisMovePlanner.Plan(new RedisSku(RedisTier.Standard, 1), new RedisSku(RedisTier.Premium, 1, 2));

        var seen = new List<string>();
        foreach (var step in plan.Steps)
        {
            await controller.BeginScaleAsync(TargetIds.Cache, step.To, CancellationToken.None);
            seen.Add((await controller.GetAsync(TargetIds.Cache, CancellationToken.None)).ProvisioningState);
            harness.Time.Advance(step.TimeBudget);
        }

        var final = await controller.GetAsync(TargetIds.Cache, CancellationToken.None);
        Assert.Equal(["Scaling", "Scaling"], seen);
        Assert.Equal(new RedisSku(RedisTier.Premium, 1, 2), final.Sku);
        Assert.True(final.IsProvisioningTerminal);
    }

    [Fact]
    public async Task BeginScaleAsync_MoveAzureRefuses_Throws400NotTransient()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 2));

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Basic, 2), CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Equal("BadRequest", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Contains("lower tier", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LongRunningForm.Location)]
    [InlineData(LongRunningForm.AzureAsyncOperation)]
    public async Task BeginExportAsync_Accepted202_StatusUrlReportsInProgressThenSucceeded(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Premium, 1), new RedisCacheModel(ExportDuration: TimeSpan.FromMinutes(3), ExportForm: form));
        var controller = Controller(harness);

        var statusUrl = await controller.BeginExportAsync(TargetIds.Cache, "before-scale-1", CancellationToken.None);
        var running = await controller.GetOperationAsync(statusUrl!, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(3));
        var done = await controller.GetOperationAsync(statusUrl!, CancellationToken.None);

        Assert.False(running.IsTerminal);
        Assert.True(done.IsSucceeded);
        Assert.Equal("https://backups.blob.core.windows.net/redis?sv=2024&sig=x", Assert.Single(cache.Exports).Container);
    }

    [Theory]
    [InlineData(LongRunningForm.Synchronous200)]
    [InlineData(LongRunningForm.Synchronous204)]
    public async Task BeginExportAsync_DoneAtOnce_ReturnsNoStatusUrl(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Premium, 1), new RedisCacheModel(ExportForm: form));

        var statusUrl = await Controller(harness).BeginExportAsync(TargetIds.Cache, "before-scale-1", CancellationToken.None);

        Assert.Null(statusUrl);
        Assert.Equal("Succeeded", Assert.Single(cache.Exports).Status);
    }

    [Theory]
    [InlineData(LongRunningForm.Location)]
    [InlineData(LongRunningForm.AzureAsyncOperation)]
    public async Task BeginExportAsync_ProvisioningFailedFault_OperationReportsFailedWithError(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Premium, 1), new RedisCacheModel(ExportForm: form));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("POST", TargetIds.Cache, "export"));
        var controller = Controller(harness);

        var statusUrl = await controller.BeginExportAsync(TargetIds.Cache, "p", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(1));
        var done = await controller.GetOperationAsync(statusUrl!, CancellationToken.None);

        Assert.True(done.IsTerminal);
        Assert.False(done.IsSucceeded);
        Assert.Equal("ExportFailed", done.ErrorCode);
    }

    [Fact]
    public async Task BeginExportAsync_DoneAtOnceButFailed_ThrowsWithAzuresError()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Premium, 1), new RedisCacheModel(ExportForm: LongRunningForm.Synchronous200));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("POST", TargetIds.Cache, "export"));

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).BeginExportAsync(TargetIds.Cache, "p", CancellationToken.None));

        Assert.Equal("ExportFailed", error.ErrorCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task BeginScaleAsync_ProvisioningFailedFault_CacheEndsFailedAtOldSku()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", TargetIds.Cache));
        var controller = Controller(harness);

        await controller.BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Standard, 2), CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(1));
        var state = await controller.GetAsync(TargetIds.Cache, CancellationToken.None);

        Assert.Equal("Failed", state.ProvisioningState);
        Assert.Equal(new RedisSku(RedisTier.Standard, 1), state.Sku);
    }

    [Fact]
    public async Task GetAsync_Throttled_ThrowsThrottledWithRetryAfter()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Throttle("GET", TargetIds.Cache, TimeSpan.FromSeconds(1)) with { Times = int.MaxValue });

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).GetAsync(TargetIds.Cache, CancellationToken.None));

        Assert.True(error.IsThrottled);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal("TooManyRequests", error.ErrorCode);
    }

    [Fact]
    public async Task GetAsync_Throttled_CountsEveryThrottledAttemptForOpenTelemetry()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Throttle("GET", TargetIds.Cache, TimeSpan.FromSeconds(1)) with { Times = int.MaxValue });
        var port = harness.Simulator.BaseUri.Port;
        long throttled = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Scalewise" && instrument.Name == "scalewise.azure.throttled")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && Equals(tag.Value, port))
                {
                    Interlocked.Add(ref throttled, value);
                }
            }
        });
        listener.Start();

        await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).GetAsync(TargetIds.Cache, CancellationToken.None));

        // The first attempt and the pipeline's three retries were all answered 429.
        Assert.Equal(4, Interlocked.Read(ref throttled));
    }

    [Fact]
    public async Task BeginScaleAsync_ServerErrors_ThrowsTransient500()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ServerError("PATCH", TargetIds.Cache) with { Times = int.MaxValue });

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Standard, 2), CancellationToken.None));

        Assert.Equal(500, error.Status);
        Assert.True(error.IsTransient);
        Assert.False(error.IsConflict);
    }

    [Fact]
    public async Task BeginScaleAsync_OperationInProgress_ThrowsConflict()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Conflict("PATCH", TargetIds.Cache));

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Standard, 2), CancellationToken.None));

        Assert.True(error.IsConflict);
        Assert.Equal("OperationNotAllowed", error.ErrorCode);
        Assert.False(error.IsThrottled);
    }

    [Fact]
    public async Task BeginScaleAsync_WhileScaling_ThrowsConflictFromTheCache()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1));
        var controller = Controller(harness);
        await controller.BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Standard, 2), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => controller.BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Standard, 3), CancellationToken.None));

        Assert.True(error.IsConflict);
    }

    [Fact]
    public async Task GetAsync_NoAnswerInTime_ThrowsTimeoutWithStatusZero()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Timeout("GET", TargetIds.Cache, TimeSpan.FromSeconds(10)) with { Times = int.MaxValue });

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness, TimeSpan.FromMilliseconds(300)).GetAsync(TargetIds.Cache, CancellationToken.None));

        Assert.Equal(0, error.Status);
        Assert.Equal("Timeout", error.ErrorCode);
        Assert.True(error.IsTransient);
    }
}
