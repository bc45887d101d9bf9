using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Targets;
using Scalewise.Simulator;
using Scalewise.Simulator.ScaleSets;
using ProvisioningStates = Scalewise.Core.Targets.ProvisioningStates;

namespace Scalewise.Azure.Tests.Targets;

public sealed class ScaleSetControllerTests
{
    [Fact]
    public async Task GetAsync_ExistingScaleSet_ReturnsCapacitySkuAndState()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-web");
        harness.Simulator.Estate.AddScaleSet(id, 3, new ScaleSetModel(Sku: "Standard_D4s_v5"));

        var snapshot = await harness.Controller.GetAsync(id, CancellationToken.None);

        Assert.Equal(3, snapshot.Capacity);
        Assert.Equal("Standard_D4s_v5", snapshot.Sku);
        Assert.Equal(ProvisioningStates.Succeeded, snapshot.ProvisioningState);
    }

    [Fact]
    public async Task BeginSetCapacityAsync_ScaleOut_IsUpdatingThenSucceedsWithNewInstances()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-web");
        harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel(ProvisioningDelay: TimeSpan.FromMinutes(3)));

        await harness.Controller.BeginSetCapacityAsync(id, 4, CancellationToken.None);
        var during = await harness.Controller.GetAsync(id, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(4));
        var after = await harness.Controller.GetAsync(id, CancellationToken.None);
        var instances = await harness.Controller.GetInstancesAsync(id, CancellationToken.None);

        Assert.Equal(ProvisioningStates.Updating, during.ProvisioningState);
        Assert.False(during.IsProvisioningTerminal);
        Assert.Equal(ProvisioningStates.Succeeded, after.ProvisioningState);
        Assert.Equal(4, after.Capacity);
        Assert.Equal(4, instances.Count);
        Assert.Equal(4, instances.SucceededCount);
        Assert.All(instances.Instances, i => Assert.Equal("running", i.PowerState));
        Assert.Equal(4, instances.Instances.Select(i => i.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task GetAsync_UnknownScaleSet_ThrowsTargetOperationExceptionNamingResourceAndCode()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-missing");

        var read = harness.Controller.GetAsync(id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => read);
        Assert.Equal(404, error.Status);
        Assert.False(error.IsTransient);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.ErrorCode);
        Assert.Contains(error.ErrorCode, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInstancesAsync_FlexibleScaleSet_JudgesEachVmThroughItsOwnResource()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-flex");
        harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel(ProvisioningDelay: TimeSpan.FromMinutes(3), Flexible: true));

        await harness.Controller.BeginSetCapacityAsync(id, 3, CancellationToken.None);
        var during = await harness.Controller.GetInstancesAsync(id, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(4));
        var after = await harness.Controller.GetInstancesAsync(id, CancellationToken.None);

        Assert.Equal(2, during.SucceededCount);
        Assert.Contains(during.Instances, i => i.ProvisioningState == ProvisioningStates.Creating);
        Assert.Equal(3, after.SucceededCount);
        Assert.All(after.Instances, i => Assert.Equal("running", i.PowerState));
        Assert.All(after.Instances, i => Assert.StartsWith("vmss-flex_", i.InstanceId, StringComparison.Ordinal));
    }
}
