using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Simulator.Operations;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Azure.Tests.Targets;

/// <summary>
/// The Compute adapters, and Azure.ResourceManager's <see cref="ArmOperation"/> they start, against the simulator answering each
/// long-running operation in every form its definition documents (<see cref="LongRunningForms"/>): the adapter reaches the end
/// state through the resource's GET, and the SDK's operation, resumed once the simulated time has passed, follows the form to the end.
/// </summary>
public sealed class ComputeLongRunningFormTests
{
    private static VirtualMachineController Vm(AdapterHarness harness) => new(harness.Connection.Client, NullLogger<VirtualMachineController>.Instance);

    [Theory]
    [InlineData(LongRunningForm.OkWithAzureAsyncOperation)]
    [InlineData(LongRunningForm.OkWhileRunning)]
    public async Task ScaleSetUpdate_EachDocumentedForm_AdapterAndSdkReachTheNewCapacity(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-forms");
        harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel(ProvisioningDelay: TimeSpan.FromMinutes(3), UpdateForm: form));

        await harness.Controller.BeginSetCapacityAsync(id, 4, CancellationToken.None);
        var during = await harness.Controller.GetAsync(id, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(4));
        var after = await harness.Controller.GetAsync(id, CancellationToken.None);
        var operation = await harness.Connection.Client.GetVirtualMachineScaleSetResource(new ResourceIdentifier(id))
            .UpdateAsync(WaitUntil.Started, new VirtualMachineScaleSetPatch { Sku = new ComputeSku { Capacity = 5 } });
        var started = operation.GetRawResponse();
        harness.Time.Advance(TimeSpan.FromMinutes(4));
        var done = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.Equal((4, "Updating"), (during.Capacity, during.ProvisioningState));
        Assert.Equal((4, "Succeeded"), (after.Capacity, after.ProvisioningState));
        AssertAnswered(form, started);
        Assert.Equal((5L, "Succeeded"), (done.Value.Data.Sku.Capacity, done.Value.Data.ProvisioningState));
    }

    [Theory]
    [InlineData(LongRunningForm.OkWithAzureAsyncOperation)]
    [InlineData(LongRunningForm.OkWhileRunning)]
    public async Task VirtualMachineUpdate_EachDocumentedForm_AdapterAndSdkReachTheNewSize(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm, new VirtualMachineModel(ResizeDelay: TimeSpan.FromMinutes(3), UpdateForm: form));
        var controller = Vm(harness);

        await controller.BeginResizeAsync(TargetIds.Vm, "Standard_D4s_v3", CancellationToken.None);
        var during = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(3));
        var after = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);
        var patch = new VirtualMachinePatch { HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType("Standard_D8s_v3") } };
        var operation = await harness.Connection.Client.GetVirtualMachineResource(new ResourceIdentifier(TargetIds.Vm)).UpdateAsync(WaitUntil.Started, patch);
        var started = operation.GetRawResponse();
        harness.Time.Advance(TimeSpan.FromMinutes(3));
        var done = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.Equal(("Standard_D2s_v3", "Updating"), (during.Size, during.ProvisioningState));
        Assert.Equal(("Standard_D4s_v3", "running", "Succeeded"), (after.Size, after.PowerState, after.ProvisioningState));
        AssertAnswered(form, started);
        Assert.Equal("Standard_D8s_v3", done.Value.Data.HardwareProfile.VmSize?.ToString());
    }

    [Theory]
    [InlineData(LongRunningForm.AcceptedWithBoth)]
    [InlineData(LongRunningForm.Location)]
    [InlineData(LongRunningForm.AzureAsyncOperation)]
    public async Task DeallocateAndStart_EachDocumentedForm_AdapterAndSdkReachThePowerState(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm, new VirtualMachineModel(PowerDelay: TimeSpan.FromMinutes(1), PowerForm: form));
        var controller = Vm(harness);
        var vm = harness.Connection.Client.GetVirtualMachineResource(new ResourceIdentifier(TargetIds.Vm));

        await controller.BeginDeallocateAsync(TargetIds.Vm, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var deallocated = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);
        var start = await vm.PowerOnAsync(WaitUntil.Started);
        var started = start.GetRawResponse();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await start.WaitForCompletionResponseAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        var running = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);
        var again = await vm.DeallocateAsync(WaitUntil.Started);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await again.WaitForCompletionResponseAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        await controller.BeginStartAsync(TargetIds.Vm, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var final = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);

        Assert.True(deallocated.IsDeallocated);
        AssertAnswered(form, started);
        Assert.True(start.HasCompleted);
        Assert.Equal("running", running.PowerState);
        Assert.True(again.HasCompleted);
        Assert.Equal("running", final.PowerState);
    }

    [Theory]
    [InlineData(LongRunningForm.OkWhileRunning)]
    [InlineData(LongRunningForm.OkWithAzureAsyncOperation)]
    [InlineData(LongRunningForm.Location)]
    [InlineData(LongRunningForm.AzureAsyncOperation)]
    [InlineData(LongRunningForm.AcceptedWithBoth)]
    public async Task SnapshotCreate_EachDocumentedForm_AdapterAndSdkReachASucceededSnapshot(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm, new VirtualMachineModel(DataDiskCount: 0));
        harness.Simulator.Estate.SnapshotDelay = TimeSpan.FromMinutes(1);
        harness.Simulator.Estate.SnapshotForm = form;
        var controller = Vm(harness);

        var taken = Assert.Single(await controller.BeginSnapshotDisksAsync(TargetIds.Vm, "proc-1", CancellationToken.None));
        var during = await controller.GetSnapshotAsync(taken.Id, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await controller.GetSnapshotAsync(taken.Id, CancellationToken.None);
        var data = new SnapshotData(new AzureLocation(vm.Location)) { CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(vm.Disks[0].Id) } };
        var group = harness.Connection.Client.GetResourceGroupResource(new ResourceIdentifier("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-vm"));
        var operation = await group.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Started, "by-sdk", data);
        var started = operation.GetRawResponse();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var done = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.Equal("Updating", during.ProvisioningState);
        Assert.Equal("Succeeded", after.ProvisioningState);
        AssertAnswered(form, started);
        Assert.Equal(("by-sdk", "Succeeded"), (done.Value.Data.Name, done.Value.Data.ProvisioningState));
    }

    [Theory]
    [InlineData(LongRunningForm.Synchronous200)]
    [InlineData(LongRunningForm.Synchronous204)]
    [InlineData(LongRunningForm.Location)]
    [InlineData(LongRunningForm.AzureAsyncOperation)]
    [InlineData(LongRunningForm.AcceptedWithBoth)]
    public async Task SnapshotDelete_EachDocumentedForm_AdapterAndSdkLeaveTheSnapshotGone(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm, new VirtualMachineModel(DataDiskCount: 1));
        harness.Simulator.Estate.SnapshotDelay = TimeSpan.FromMinutes(1);
        harness.Simulator.Estate.SnapshotDeleteForm = form;
        var controller = Vm(harness);
        var taken = await controller.BeginSnapshotDisksAsync(TargetIds.Vm, "proc-1", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromDays(8));

        var deleted = await controller.DeleteSnapshotsCreatedBeforeAsync(TargetIds.Vm, harness.Time.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None);
        var second = await controller.BeginSnapshotDisksAsync(TargetIds.Vm, "proc-2", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var operation = await harness.Connection.Client.GetSnapshotResource(new ResourceIdentifier(second[0].Id)).DeleteAsync(WaitUntil.Started);
        var started = operation.GetRawResponse();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await operation.WaitForCompletionResponseAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.Equal(taken.Select(t => t.Name).Order(), deleted.Select(d => d.Split('/')[^1]).Order());
        AssertAnswered(form, started);
        Assert.True(operation.HasCompleted);
        Assert.Equal([second[1].Name], harness.Simulator.Estate.Snapshots.Select(s => s.Name));
    }

    /// <summary>The first answer was the form the simulator was set to give: its status and its headers.</summary>
    private static void AssertAnswered(LongRunningForm form, Response response)
    {
        var (status, asyncOperation, location) = form switch
        {
            LongRunningForm.OkWhileRunning or LongRunningForm.Synchronous200 => (200, false, false),
            LongRunningForm.OkWithAzureAsyncOperation => (200, true, false),
            LongRunningForm.Synchronous204 => (204, false, false),
            LongRunningForm.Location => (202, false, true),
            LongRunningForm.AzureAsyncOperation => (202, true, false),
            _ => (202, true, true),
        };
        Assert.Equal(
            (status, asyncOperation, location),
            (response.Status, response.Headers.TryGetValue("Azure-AsyncOperation", out _), response.Headers.TryGetValue("Location", out _)));
    }
}
