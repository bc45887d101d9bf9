using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Redis;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Azure.Tests.Targets;

/// <summary>ARM answers 409 for a running operation, an exceeded quota and a size that cannot be had; only the first is worth waiting for.</summary>
public sealed class ArmConflictTests
{
    public static TheoryData<string, ArmConflictKind> CapacityCodes => new()
    {
        { "SkuNotAvailable", ArmConflictKind.SkuNotAvailable },
        { "AllocationFailed", ArmConflictKind.SkuNotAvailable },
        { "ZonalAllocationFailed", ArmConflictKind.SkuNotAvailable },
    };

    [Fact]
    public async Task BeginSetCapacityAsync_CoreQuotaExceeded_IsQuotaNotAnOperationInProgress()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-quota");
        harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel());
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.QuotaExceeded("PATCH", id, string.Empty));

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => harness.Controller.BeginSetCapacityAsync(id, 6, CancellationToken.None));

        Assert.Equal(ArmConflictKind.QuotaExceeded, error.ConflictKind);
        Assert.False(error.IsOperationInProgress);
        Assert.Contains("exceeding approved standardDSv3Family Cores quota", error.AzureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CapacityCodes))]
    public async Task BeginSetCapacityAsync_SizeCannotBeHad_IsSkuNotAvailable(string code, ArmConflictKind expected)
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-sku");
        harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel());
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.CapacityUnavailable(code, "PATCH", id, string.Empty));

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => harness.Controller.BeginSetCapacityAsync(id, 6, CancellationToken.None));

        Assert.Equal(expected, error.ConflictKind);
        Assert.Equal(code, error.ErrorCode);
        Assert.False(error.IsOperationInProgress);
    }

    [Fact]
    public async Task BeginScaleAsync_RedisBusyWithAnUpdate_IsAnOperationInProgress()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1));
        var controller = new RedisCacheController(harness.Connection, Options.Create(new ArmTargetOptions()), NullLogger<RedisCacheController>.Instance);
        await controller.BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Standard, 2), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => controller.BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Standard, 3), CancellationToken.None));

        Assert.Equal("Conflict", error.ErrorCode);
        Assert.True(error.IsOperationInProgress);
    }

    [Fact]
    public async Task BeginSetCapacityAsync_AnotherOperationRuns_IsAnOperationInProgress()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-busy");
        harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel());
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Conflict("PATCH", id, string.Empty));

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => harness.Controller.BeginSetCapacityAsync(id, 3, CancellationToken.None));

        Assert.Equal("OperationNotAllowed", error.ErrorCode);
        Assert.True(error.IsOperationInProgress);
    }
}
