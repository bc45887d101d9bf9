using System.Security.Cryptography;
using System.Text;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using Scalewise.Core.Targets;

namespace Scalewise.Azure.Targets;

/// <summary>
/// Single VMs and their disk snapshots through Azure.ResourceManager.Compute. Every change is started with
/// <see cref="WaitUntil.Started"/>; callers poll <see cref="GetAsync"/> / <see cref="GetSnapshotAsync"/> (with durable timers).
/// Snapshots are incremental copies of each managed disk, tagged <see cref="VmTag"/> = the VM's resource id.
/// </summary>
public sealed class VirtualMachineController(ArmClient arm, ILogger<VirtualMachineController> logger) : IVirtualMachineController
{
    /// <summary>The tag that marks a snapshot as Scalewise's, valued with the VM's resource id.</summary>
    public const string VmTag = "scalewise-vm";


    public async Task<VirtualMachineState> GetAsync(string resourceId, CancellationToken cancellationToken)
    {
        var data = await Call(resourceId, "read", async () => (await Vm(resourceId).GetAsync(InstanceViewType.InstanceView, cancellationToken).ConfigureAwait(false)).Value.Data).ConfigureAwait(false);
        var disks = new List<ManagedDiskInfo>();
        var os = data.StorageProfile?.OSDisk;
        if (os?.ManagedDisk?.Id is { } osId)
        {
            disks.Add(new ManagedDiskInfo(osId.ToString(), os.Name ?? osId.Name, null));
        }

        foreach (var disk in data.StorageProfile?.DataDisks ?? [])
        {
            if (disk.ManagedDisk?.Id is { } id)
            {
                disks.Add(new ManagedDiskInfo(id.ToString(), disk.Name ?? id.Name, disk.Lun));
            }
        }

        var power = data.InstanceView?.Statuses?
            .Select(s => s.Code)
            .FirstOrDefault(code => code is not null && code.StartsWith(PowerStates.CodePrefix, StringComparison.OrdinalIgnoreCase))?[PowerStates.CodePrefix.Length..];
        return new VirtualMachineState(
            resourceId,
            data.HardwareProfile?.VmSize?.ToString() ?? string.Empty,
            power,
            data.ProvisioningState ?? ProvisioningStates.Succeeded,
            data.Location.Name,
            disks);
    }

    public Task<IReadOnlyList<VirtualMachineSizeOption>> ListAvailableSizesAsync(string resourceId, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<VirtualMachineSizeOption>>(resourceId, "list available sizes", async () =>
        {
            var sizes = new List<VirtualMachineSizeOption>();
            await foreach (var size in Vm(resourceId).GetAvailableSizesAsync(cancellationToken).ConfigureAwait(false))
            {
                sizes.Add(new VirtualMachineSizeOption(size.Name, size.NumberOfCores ?? 0, size.MemoryInMB ?? 0, size.MaxDataDiskCount ?? 0));
            }

            return sizes;
        });

    public async Task BeginResizeAsync(string resourceId, string size, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(size);
        var patch = new VirtualMachinePatch { HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(size) } };
        await Call(resourceId, "resize to " + size, () => Vm(resourceId).UpdateAsync(WaitUntil.Started, patch, cancellationToken)).ConfigureAwait(false);
        Log.VirtualMachineOperationStarted(logger, resourceId, "resize to " + size);
    }

    public async Task BeginDeallocateAsync(string resourceId, CancellationToken cancellationToken)
    {
        await Call(resourceId, "deallocate", () => Vm(resourceId).DeallocateAsync(WaitUntil.Started, cancellationToken: cancellationToken)).ConfigureAwait(false);
        Log.VirtualMachineOperationStarted(logger, resourceId, "deallocate");
    }

    public async Task BeginStartAsync(string resourceId, CancellationToken cancellationToken)
    {
        await Call(resourceId, "start", () => Vm(resourceId).PowerOnAsync(WaitUntil.Started, cancellationToken)).ConfigureAwait(false);
        Log.VirtualMachineOperationStarted(logger, resourceId, "start");
    }

    public async Task<IReadOnlyList<DiskSnapshotInfo>> BeginSnapshotDisksAsync(string resourceId, string label, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var vm = await GetAsync(resourceId, cancellationToken).ConfigureAwait(false);
        var group = ResourceGroup(resourceId);
        var taken = new List<DiskSnapshotInfo>();
        foreach (var disk in vm.Disks)
        {
            var name = SnapshotName(disk.Name, label);
            var data = new SnapshotData(new AzureLocation(vm.Location))
            {
                CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(disk.Id) },
                Incremental = true,
            };
            data.Tags[VmTag] = resourceId;
            await Call(resourceId, $"snapshot disk '{disk.Name}'", () => group.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Started, name, data, cancellationToken)).ConfigureAwait(false);
            taken.Add(new DiskSnapshotInfo($"{group.Id}/providers/Microsoft.Compute/snapshots/{name}", name, disk.Id, ProvisioningStates.Updating, null));
        }

        Log.VirtualMachineOperationStarted(logger, resourceId, "disk snapshots " + label);
        return taken;
    }

    public async Task<DiskSnapshotInfo> GetSnapshotAsync(string snapshotId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(snapshotId);
        var data = await Call(snapshotId, "read snapshot", async () => (await arm.GetSnapshotResource(new ResourceIdentifier(snapshotId)).GetAsync(cancellationToken).ConfigureAwait(false)).Value.Data).ConfigureAwait(false);
        return Info(data);
    }

    public async Task<IReadOnlyList<string>> DeleteSnapshotsCreatedBeforeAsync(string resourceId, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var group = ResourceGroup(resourceId);
        var old = await Call(resourceId, "list snapshots", async () =>
        {
            var found = new List<SnapshotResource>();
            await foreach (var snapshot in group.GetSnapshots().GetAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (snapshot.Data.Tags.TryGetValue(VmTag, out var vm) && string.Equals(vm, resourceId, StringComparison.OrdinalIgnoreCase)
                    && snapshot.Data.TimeCreated is { } created && created < createdBefore)
                {
                    found.Add(snapshot);
                }
            }

            return found;
        }).ConfigureAwait(false);

        var deleted = new List<string>();
        foreach (var snapshot in old)
        {
            await Call(snapshot.Id.ToString(), "delete snapshot", () => snapshot.DeleteAsync(WaitUntil.Started, cancellationToken)).ConfigureAwait(false);
            var id = snapshot.Id.ToString();
            deleted.Add(id);
            Log.SnapshotDeleted(logger, id, resourceId, createdBefore);
        }

        return deleted;
    }

    /// <summary>
    /// "{disk}-{label}" when it fits the 80 characters a snapshot name may have. A longer disk name is cut, and a hash of
    /// the whole disk name keeps two long names that share their start apart; the label (the time) is always kept whole,
    /// so repeated runs never overwrite a snapshot. The name never ends in '-' or '.' (Azure refuses that).
    /// </summary>
    internal static string SnapshotName(string diskName, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(diskName);
        ArgumentException.ThrowIfNullOrEmpty(label);
        var suffix = "-" + label.Trim('-', '.');
        if (diskName.Length + suffix.Length <= MaxSnapshotNameLength)
        {
            return diskName.TrimEnd('-', '.') + suffix;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(diskName)))[..8];
        var room = Math.Max(0, MaxSnapshotNameLength - suffix.Length - hash.Length - 1);
        var head = diskName[..Math.Min(room, diskName.Length)].TrimEnd('-', '.');
        var name = (head.Length == 0 ? hash : head + "-" + hash) + suffix;
        return name.Length <= MaxSnapshotNameLength ? name : name[..MaxSnapshotNameLength].TrimEnd('-', '.');
    }

    /// <summary>Azure's limit on a snapshot's name (Microsoft.Compute/snapshots: 1-80 characters).</summary>
    private const int MaxSnapshotNameLength = 80;

    private static DiskSnapshotInfo Info(SnapshotData data) =>
        new(data.Id?.ToString() ?? string.Empty, data.Name, data.CreationData?.SourceResourceId?.ToString() ?? string.Empty, data.ProvisioningState ?? string.Empty, data.TimeCreated);

    private static async Task<T> Call<T>(string resourceId, string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw ArmFailures.FromRequestFailed(resourceId, operation, ex);
        }
        catch (AggregateException ex)
        {
            // The retry policy gave up after several tries that each failed without an answer.
            throw ArmFailures.NoAnswer(resourceId, operation, ex);
        }
    }

    private VirtualMachineResource Vm(string resourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        return arm.GetVirtualMachineResource(new ResourceIdentifier(resourceId));
    }

    private ResourceGroupResource ResourceGroup(string resourceId)
    {
        var id = new ResourceIdentifier(resourceId);
        return arm.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(id.SubscriptionId, id.ResourceGroupName));
    }
}
