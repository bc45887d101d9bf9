using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Azure.Tests.Targets;

public sealed class VirtualMachineControllerTests
{
    private static VirtualMachineController Controller(AdapterHarness harness) =>
        new(harness.Connection.Client, NullLogger<VirtualMachineController>.Instance);

    [Fact]
    public async Task GetAsync_RunningVm_ReturnsSizePowerStateAndDisks()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm, new VirtualMachineModel(DataDiskCount: 2));

        var state = await Controller(harness).GetAsync(TargetIds.Vm, CancellationToken.None);

        Assert.Equal("Standard_D2s_v3", state.Size);
        Assert.True(state.IsRunning);
        Assert.Equal("Succeeded", state.ProvisioningState);
        Assert.Equal(vm.Disks.Select(d => d.Id), state.Disks.Select(d => d.Id));
        Assert.True(state.Disks[0].IsOsDisk);
    }

    [Fact]
    public async Task ListAvailableSizesAsync_Running_ReturnsClusterSizesWithCores()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm);

        var sizes = await Controller(harness).ListAvailableSizesAsync(TargetIds.Vm, CancellationToken.None);

        Assert.Equal(VirtualMachineModel.DefaultAvailableSizes, sizes.Select(s => s.Name));
        Assert.Equal(4, sizes.Single(s => s.Name == "Standard_D4s_v3").NumberOfCores);
    }

    [Fact]
    public async Task BeginResizeAsync_AvailableSize_IsUpdatingThenRunsAtNewSize()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm, new VirtualMachineModel(ResizeDelay: TimeSpan.FromMinutes(3)));
        var controller = Controller(harness);

        await controller.BeginResizeAsync(TargetIds.Vm, "Standard_D8s_v3", CancellationToken.None);
        var during = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(3));
        var after = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);

        Assert.False(during.IsProvisioningTerminal);
        Assert.Equal(("Standard_D8s_v3", "running", "Succeeded"), (after.Size, after.PowerState, after.ProvisioningState));
    }

    [Fact]
    public async Task BeginResizeAsync_SizeNeedsDeallocation_ThrowsConflictThenWorksAfterDeallocateAndStart()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm, new VirtualMachineModel(PowerDelay: TimeSpan.FromMinutes(1), ResizeDelay: TimeSpan.FromMinutes(1)));
        var controller = Controller(harness);

        var refused = await Assert.ThrowsAsync<TargetOperationException>(() => controller.BeginResizeAsync(TargetIds.Vm, "Standard_E8s_v5", CancellationToken.None));
        await controller.BeginDeallocateAsync(TargetIds.Vm, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var deallocated = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);
        var sizes = await controller.ListAvailableSizesAsync(TargetIds.Vm, CancellationToken.None);
        await controller.BeginResizeAsync(TargetIds.Vm, "Standard_E8s_v5", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await controller.BeginStartAsync(TargetIds.Vm, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);

        Assert.True(refused.IsConflict);
        Assert.Equal("OperationNotAllowed", refused.ErrorCode);
        Assert.True(deallocated.IsDeallocated);
        Assert.Contains(sizes, s => s.Name == "Standard_E8s_v5");
        Assert.Equal(("Standard_E8s_v5", "running"), (after.Size, after.PowerState));
    }

    [Fact]
    public async Task BeginSnapshotDisksAsync_TwoDisks_SnapshotsEachAndDeletesOnlyOldOnes()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm, new VirtualMachineModel(DataDiskCount: 1));
        harness.Simulator.Estate.SnapshotDelay = TimeSpan.FromSeconds(30);
        var controller = Controller(harness);

        var first = await controller.BeginSnapshotDisksAsync(TargetIds.Vm, "proc-1", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromDays(8));
        var second = await controller.BeginSnapshotDisksAsync(TargetIds.Vm, "proc-2", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var ready = await controller.GetSnapshotAsync(second[0].Id, CancellationToken.None);
        var deleted = await controller.DeleteSnapshotsCreatedBeforeAsync(TargetIds.Vm, harness.Time.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None);

        Assert.Equal(2, first.Count);
        Assert.Equal(vm.Disks.Select(d => d.Id), first.Select(s => s.SourceDiskId));
        Assert.Equal("Succeeded", ready.ProvisioningState);
        Assert.Equal(vm.Disks[0].Id, ready.SourceDiskId, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(first.Select(s => s.Id).Order(StringComparer.OrdinalIgnoreCase), deleted.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(2, harness.Simulator.Estate.Snapshots.Count);
    }

    [Fact]
    public async Task BeginDeallocateAsync_ConflictFault_ThrowsConflict()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Conflict("POST", TargetIds.Vm, "deallocate"));

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).BeginDeallocateAsync(TargetIds.Vm, CancellationToken.None));

        Assert.True(error.IsConflict);
        Assert.Equal("OperationNotAllowed", error.ErrorCode);
    }

    [Fact]
    public async Task GetAsync_Throttled_ThrowsThrottledWithRetryAfter()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Throttle("GET", TargetIds.Vm, TimeSpan.FromSeconds(1)) with { Times = int.MaxValue });

        var error = await Assert.ThrowsAsync<TargetOperationException>(() => Controller(harness).GetAsync(TargetIds.Vm, CancellationToken.None));

        Assert.True(error.IsThrottled);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task BeginResizeAsync_ProvisioningFailedFault_VmEndsFailedAtOldSize()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(TargetIds.Vm);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", TargetIds.Vm));
        var controller = Controller(harness);

        await controller.BeginResizeAsync(TargetIds.Vm, "Standard_D4s_v3", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(1));
        var state = await controller.GetAsync(TargetIds.Vm, CancellationToken.None);

        Assert.Equal(("Failed", "Standard_D2s_v3"), (state.ProvisioningState, state.Size));
    }
}
