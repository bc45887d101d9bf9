using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Wire;

/// <summary>
/// A Flexible scale set's instances on the wire: in the scale set's VM list only the VM's resource id (shape of
/// <c>VirtualMachineScaleSetVM_List_WithVirtualMachineResourceId.json</c>), and each as its own <c>Microsoft.Compute/virtualMachines</c> resource.
/// </summary>
internal static class FlexVirtualMachineJson
{
    public static string VmName(SimulatedScaleSet scaleSet, InstanceSnapshot instance) => $"{scaleSet.Name}_{instance.InstanceId}";

    public static string VmId(SimulatedScaleSet scaleSet, InstanceSnapshot instance) =>
        $"/subscriptions/{scaleSet.SubscriptionId}/resourceGroups/{scaleSet.ResourceGroup}/providers/Microsoft.Compute/virtualMachines/{VmName(scaleSet, instance)}";

    /// <summary>One entry of the scale set's VM list: name, ids and <c>properties.virtualMachineResourceId</c>, nothing more.</summary>
    public static JsonObject ListEntry(SimulatedScaleSet scaleSet, InstanceSnapshot instance) => new()
    {
        ["name"] = VmName(scaleSet, instance),
        ["id"] = $"{scaleSet.ResourceId}/virtualMachines/{VmName(scaleSet, instance)}",
        ["type"] = ScaleSetJson.VmType,
        ["location"] = scaleSet.Model.Location,
        ["instanceId"] = VmName(scaleSet, instance),
        ["etag"] = "\"1\"",
        ["properties"] = new JsonObject { ["virtualMachineResourceId"] = VmId(scaleSet, instance) },
    };

    /// <summary>The instance as a VM resource (VirtualMachines_Get), with its instance view when asked for.</summary>
    public static JsonObject VirtualMachine(SimulatedScaleSet scaleSet, InstanceSnapshot instance, bool expandInstanceView)
    {
        var properties = new JsonObject
        {
            ["vmId"] = instance.VmId,
            ["hardwareProfile"] = new JsonObject { ["vmSize"] = scaleSet.Model.Sku },
            ["virtualMachineScaleSet"] = new JsonObject { ["id"] = scaleSet.ResourceId },
            ["provisioningState"] = instance.ProvisioningState,
        };
        if (expandInstanceView)
        {
            properties["instanceView"] = ScaleSetJson.InstanceView(scaleSet, instance);
        }

        return new JsonObject
        {
            ["name"] = VmName(scaleSet, instance),
            ["id"] = VmId(scaleSet, instance),
            ["type"] = "Microsoft.Compute/virtualMachines",
            ["location"] = scaleSet.Model.Location,
            ["properties"] = properties,
        };
    }
}
