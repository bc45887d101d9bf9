namespace Scalewise.Core.Ports;

/// <summary>Reads, resizes, deallocates and starts a single VM, and snapshots its managed disks, through ARM. Every Begin* returns once ARM accepted the request.</summary>
public interface IVirtualMachineController
{
    Task<VirtualMachineState> GetAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>The sizes the VM can be resized to now (fewer while allocated than while deallocated).</summary>
    Task<IReadOnlyList<VirtualMachineSizeOption>> ListAvailableSizesAsync(string resourceId, CancellationToken cancellationToken);

    Task BeginResizeAsync(string resourceId, string size, CancellationToken cancellationToken);

    Task BeginDeallocateAsync(string resourceId, CancellationToken cancellationToken);

    Task BeginStartAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts one snapshot per managed disk, named "{disk}-{label}" (same label, same names: safe to repeat), tagged as
    /// Scalewise's for this VM, in the VM's resource group and region. Poll <see cref="GetSnapshotAsync"/> for each.
    /// </summary>
    Task<IReadOnlyList<DiskSnapshotInfo>> BeginSnapshotDisksAsync(string resourceId, string label, CancellationToken cancellationToken);

    Task<DiskSnapshotInfo> GetSnapshotAsync(string snapshotId, CancellationToken cancellationToken);

    /// <summary>Deletes the snapshots Scalewise took of this VM that were created before <paramref name="createdBefore"/>; returns their ids.</summary>
    Task<IReadOnlyList<string>> DeleteSnapshotsCreatedBeforeAsync(string resourceId, DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
