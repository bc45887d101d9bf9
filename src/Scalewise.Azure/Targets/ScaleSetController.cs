using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Scalewise.Core.Targets;

namespace Scalewise.Azure.Targets;

/// <summary>Reads and changes the capacity of a Virtual Machine Scale Set (Uniform or Flexible orchestration) through ARM (Azure.ResourceManager.Compute).</summary>
public sealed class ScaleSetController(ArmClient arm, ILogger<ScaleSetController> logger) : ITargetController
{

    public async Task<TargetSnapshot> GetAsync(string resourceId, CancellationToken cancellationToken)
    {
        var scaleSet = ScaleSet(resourceId);
        try
        {
            var response = await scaleSet.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var data = response.Value.Data;
            return new TargetSnapshot(
                resourceId,
                (int)(data.Sku?.Capacity ?? 0),
                data.ProvisioningState ?? ProvisioningStates.Succeeded,
                data.Sku?.Name);
        }
        catch (RequestFailedException ex)
        {
            throw Failure(resourceId, "read", ex);
        }
    }

    public async Task BeginSetCapacityAsync(string resourceId, int capacity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var scaleSet = ScaleSet(resourceId);
        var patch = new VirtualMachineScaleSetPatch { Sku = new ComputeSku { Capacity = capacity } };
        try
        {
            await scaleSet.UpdateAsync(WaitUntil.Started, patch, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw Failure(resourceId, "set capacity", ex);
        }

        Log.CapacityChangeStarted(logger, resourceId, capacity);
    }

    /// <summary>
    /// The instances with their provisioning and power states. A Flexible-orchestration scale set lists each VM only by its
    /// <c>virtualMachineResourceId</c>; those VMs are read through their own resource (GET with the instance view).
    /// </summary>
    public async Task<InstanceReport> GetInstancesAsync(string resourceId, CancellationToken cancellationToken)
    {
        var scaleSet = ScaleSet(resourceId);
        var instances = new List<InstanceHealth>();
        try
        {
            await foreach (var page in scaleSet.GetVirtualMachineScaleSetVms().GetAllAsync(expand: "instanceView", cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
            {
                var flexIds = FlexVirtualMachineIds(page.GetRawResponse());
                for (var i = 0; i < page.Values.Count; i++)
                {
                    var data = page.Values[i].Data;
                    instances.Add(i < flexIds.Count && flexIds[i] is { } vmId
                        ? await FlexInstanceAsync(vmId, cancellationToken).ConfigureAwait(false)
                        : new InstanceHealth(data.InstanceId ?? data.Name, data.ProvisioningState ?? string.Empty, PowerState(data.InstanceView?.Statuses)));
                }
            }
        }
        catch (RequestFailedException ex)
        {
            throw Failure(resourceId, "list instances", ex);
        }

        return new InstanceReport(instances);
    }

    private async Task<InstanceHealth> FlexInstanceAsync(string vmId, CancellationToken cancellationToken)
    {
        var vm = (await arm.GetVirtualMachineResource(new ResourceIdentifier(vmId)).GetAsync(InstanceViewType.InstanceView, cancellationToken).ConfigureAwait(false)).Value.Data;
        return new InstanceHealth(vm.Name, vm.ProvisioningState ?? string.Empty, PowerState(vm.InstanceView?.Statuses));
    }

    /// <summary>Per listed VM, its <c>virtualMachineResourceId</c> when the entry carries nothing else to judge it by (Flexible orchestration), else null.</summary>
    private static List<string?> FlexVirtualMachineIds(Response response)
    {
        var ids = new List<string?>();
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        if (!document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return ids;
        }

        foreach (var entry in value.EnumerateArray())
        {
            var properties = entry.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var flex = properties.ValueKind == JsonValueKind.Object
                && !properties.TryGetProperty("provisioningState", out _)
                && properties.TryGetProperty("virtualMachineResourceId", out var id)
                && id.ValueKind == JsonValueKind.String;
            ids.Add(flex ? properties.GetProperty("virtualMachineResourceId").GetString() : null);
        }

        return ids;
    }

    private static string? PowerState(IEnumerable<InstanceViewStatus>? statuses) =>
        statuses?.Select(s => s.Code).FirstOrDefault(code => code is not null && code.StartsWith(PowerStates.CodePrefix, StringComparison.OrdinalIgnoreCase))?[PowerStates.CodePrefix.Length..];

    private VirtualMachineScaleSetResource ScaleSet(string resourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        return arm.GetVirtualMachineScaleSetResource(new ResourceIdentifier(resourceId));
    }

    private static TargetOperationException Failure(string resourceId, string operation, RequestFailedException ex) =>
        ArmFailures.FromRequestFailed(resourceId, "scale set " + operation, ex);
}
