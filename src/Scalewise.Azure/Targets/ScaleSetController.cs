using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Microsoft.Extensions.Logging;
using Scalewise.Core.Ports;
using Scalewise.Core.Targets;

namespace Scalewise.Azure.Targets;

/// <summary>Reads and changes the capacity of a Virtual Machine Scale Set through ARM (Azure.ResourceManager.Compute).</summary>
public sealed class ScaleSetController(ArmClient arm, ILogger<ScaleSetController> logger) : ITargetController
{
    private const string PowerStatePrefix = "PowerState/";

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

    public async Task<InstanceReport> GetInstancesAsync(string resourceId, CancellationToken cancellationToken)
    {
        var scaleSet = ScaleSet(resourceId);
        var instances = new List<InstanceHealth>();
        try
        {
            await foreach (var vm in scaleSet.GetVirtualMachineScaleSetVms().GetAllAsync(expand: "instanceView", cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var data = vm.Data;
                var powerState = data.InstanceView?.Statuses?
                    .Select(s => s.Code)
                    .FirstOrDefault(code => code is not null && code.StartsWith(PowerStatePrefix, StringComparison.OrdinalIgnoreCase))?[PowerStatePrefix.Length..];
                instances.Add(new InstanceHealth(data.InstanceId ?? data.Name, data.ProvisioningState ?? string.Empty, powerState));
            }
        }
        catch (RequestFailedException ex)
        {
            throw Failure(resourceId, "list instances", ex);
        }

        return new InstanceReport(instances);
    }

    private VirtualMachineScaleSetResource ScaleSet(string resourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        return arm.GetVirtualMachineScaleSetResource(new ResourceIdentifier(resourceId));
    }

    private static TargetOperationException Failure(string resourceId, string operation, RequestFailedException ex) =>
        ArmFailures.FromRequestFailed(resourceId, "scale set " + operation, ex);
}
