using Microsoft.Extensions.Time.Testing;
using Scalewise.Core.Redis;
using Scalewise.Simulator.Operations;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.RedisEnterprise;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Simulator.Tests.Operations;

/// <summary>Each long-running operation answers only in the forms its definition documents; another is refused when the model is set, naming the allowed ones.</summary>
public sealed class LongRunningFormTests
{
    [Fact]
    public void AddScaleSet_202Form_RefusedBecauseVirtualMachineScaleSetsUpdateDocumentsOnly200()
    {
        var estate = new Estate(new FakeTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => estate.AddScaleSet("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/v", 1, new ScaleSetModel(UpdateForm: LongRunningForm.Location)));

        Assert.Contains("VirtualMachineScaleSets_Update", error.Message, StringComparison.Ordinal);
        Assert.Contains("OkWithAzureAsyncOperation, OkWhileRunning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVirtualMachine_SynchronousPowerForm_RefusedNamingTheAllowedForms()
    {
        var estate = new Estate(new FakeTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => estate.AddVirtualMachine(Ids.Vm, new VirtualMachineModel(PowerForm: LongRunningForm.Synchronous204)));

        Assert.Contains("AcceptedWithBoth, Location, AzureAsyncOperation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisModels_FormsOutsideTheirDefinitions_Refused()
    {
        var estate = new Estate(new FakeTimeProvider());

        var update = Assert.Throws<ArgumentException>(() => estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1), new RedisCacheModel(UpdateForm: LongRunningForm.AzureAsyncOperation)));
        var enterprise = Assert.Throws<ArgumentException>(() => estate.AddRedisEnterprise(Ids.Cluster, "Balanced_B5", model: new RedisEnterpriseModel(UpdateForm: LongRunningForm.Location)));

        Assert.Contains("Redis_Update", update.Message, StringComparison.Ordinal);
        Assert.Contains("RedisEnterprise_Update", enterprise.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotForms_204ForCreate_RefusedButAcceptedForDelete()
    {
        var estate = new Estate(new FakeTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => estate.SnapshotForm = LongRunningForm.Synchronous204);
        estate.SnapshotDeleteForm = LongRunningForm.Synchronous204;

        Assert.Contains("Snapshots_CreateOrUpdate", error.Message, StringComparison.Ordinal);
        Assert.Equal(LongRunningForm.OkWhileRunning, estate.SnapshotForm);
        Assert.Equal(LongRunningForm.Synchronous204, estate.SnapshotDeleteForm);
    }
}
