using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Simulator.RedisEnterprise;

namespace Scalewise.Azure.Tests.Targets;

public sealed class RedisEnterpriseControllerTests
{
    private static RedisEnterpriseController Controller(AdapterHarness harness) =>
        new(harness.Connection, Options.Create(new ArmTargetOptions()), NullLogger<RedisEnterpriseController>.Instance);

    [Fact]
    public async Task BeginUpdateSkuAsync_SkuFromListSkusForScaling_IsUpdatingThenSucceeds()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisEnterprise(TargetIds.Cluster, "Balanced_B5", model: new RedisEnterpriseModel(ScalingDelay: TimeSpan.FromMinutes(15)));
        var controller = Controller(harness);

        var skus = await controller.ListSkusForScalingAsync(TargetIds.Cluster, CancellationToken.None);
        var larger = skus.Where(s => s.SizeInGB > 6).MinBy(s => s.SizeInGB)!;
        await controller.BeginUpdateSkuAsync(TargetIds.Cluster, larger.Name, null, CancellationToken.None);
        var during = await controller.GetAsync(TargetIds.Cluster, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var after = await controller.GetAsync(TargetIds.Cluster, CancellationToken.None);

        Assert.DoesNotContain(skus, s => s.Name == "Balanced_B5");
        Assert.Equal(("Updating", "Updating"), (during.ProvisioningState, during.ResourceState));
        Assert.Equal(larger.Name, after.SkuName);
        Assert.True(after.IsProvisioningTerminal);
        Assert.Equal("Running", after.ResourceState);
    }

    [Fact]
    public async Task BeginUpdateSkuAsync_SkuNotOffered_Throws400()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisEnterprise(TargetIds.Cluster, "Balanced_B5", model: new RedisEnterpriseModel(SkusForScaling: [new("Balanced_B10", 12)]));

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).BeginUpdateSkuAsync(TargetIds.Cluster, "Balanced_B100", null, CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Contains("Balanced_B10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginUpdateSkuAsync_WhileUpdating_ThrowsConflict()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisEnterprise(TargetIds.Cluster, "Balanced_B5");
        var controller = Controller(harness);
        await controller.BeginUpdateSkuAsync(TargetIds.Cluster, "Balanced_B10", null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => controller.BeginUpdateSkuAsync(TargetIds.Cluster, "Balanced_B20", null, CancellationToken.None));

        Assert.True(error.IsConflict);
    }
}
