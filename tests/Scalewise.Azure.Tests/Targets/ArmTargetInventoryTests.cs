using Microsoft.Extensions.Options;
using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Procedures;
using Scalewise.Core.Redis;
using Scalewise.Core.Targets;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.Traffic;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Azure.Tests.Targets;

/// <summary>
/// The tick's batched target read through ARM's list operations against the strict simulator (every request checked against
/// the definitions): one call per resource group and kind, each resource as its GET reads it, nothing of another group.
/// </summary>
public sealed class ArmTargetInventoryTests
{
    private const string Group = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-fleet/providers";
    private const string OtherGroup = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-other/providers";

    [Fact]
    public async Task ListAsync_EachKind_OneCallReturnsTheGroupsResourcesAsTheTickSeesThem()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var estate = harness.Simulator.Estate;
        estate.AddScaleSet($"{Group}/Microsoft.Compute/virtualMachineScaleSets/web1", 3, new ScaleSetModel(Sku: "Standard_D4s_v3"));
        estate.AddScaleSet($"{Group}/Microsoft.Compute/virtualMachineScaleSets/web2", 5, new ScaleSetModel());
        estate.AddScaleSet($"{OtherGroup}/Microsoft.Compute/virtualMachineScaleSets/elsewhere", 2, new ScaleSetModel());
        estate.AddVirtualMachine($"{Group}/Microsoft.Compute/virtualMachines/vm1", new VirtualMachineModel(Size: "Standard_E4s_v5"));
        estate.AddRedisCache($"{Group}/Microsoft.Cache/redis/cache1", new RedisSku(RedisTier.Premium, 2, 3));
        estate.AddRedisEnterprise($"{Group}/Microsoft.Cache/redisEnterprise/amr1", "Balanced_B5");
        var inventory = new ArmTargetInventory(harness.Connection, Options.Create(new ArmTargetOptions()));
        estate.Traffic.Reset();

        var scaleSets = await inventory.ListAsync("00000000-0000-0000-0000-000000000001", "rg-fleet", TargetKind.VirtualMachineScaleSet, CancellationToken.None);
        var vms = await inventory.ListAsync("00000000-0000-0000-0000-000000000001", "rg-fleet", TargetKind.VirtualMachine, CancellationToken.None);
        var caches = await inventory.ListAsync("00000000-0000-0000-0000-000000000001", "rg-fleet", TargetKind.RedisCache, CancellationToken.None);
        var clusters = await inventory.ListAsync("00000000-0000-0000-0000-000000000001", "rg-fleet", TargetKind.RedisEnterprise, CancellationToken.None);

        Assert.Equal(
            [(3, "Standard_D4s_v3"), (5, "Standard_D2s_v3")],
            scaleSets.OrderBy(s => s.ResourceId, StringComparer.Ordinal).Select(s => (s.Capacity, s.Sku)).ToList());
        Assert.All(scaleSets, s => Assert.Equal("Succeeded", s.ProvisioningState));
        Assert.Equal(new TargetSnapshot($"{Group}/Microsoft.Compute/virtualMachines/vm1", 1, "Succeeded", "Standard_E4s_v5"), Assert.Single(vms));
        Assert.Equal(RedisSkuNames.NameOf(new RedisSku(RedisTier.Premium, 2, 3)), Assert.Single(caches).Sku);
        Assert.Equal("Balanced_B5", Assert.Single(clusters).Sku);
        Assert.Equal((4, 0), (estate.Traffic.Count(TrafficKind.ArmRead), estate.Traffic.Count(TrafficKind.ArmWrite)));
    }
}
