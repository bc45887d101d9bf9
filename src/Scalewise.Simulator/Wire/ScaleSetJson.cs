using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Wire;

/// <summary>Scale sets, their VMs and operations in the ARM Compute wire shape.</summary>
internal static class ScaleSetJson
{
    public const string ScaleSetType = "Microsoft.Compute/virtualMachineScaleSets";
    public const string VmType = "Microsoft.Compute/virtualMachineScaleSets/virtualMachines";

    public static JsonObject ScaleSet(SimulatedScaleSet scaleSet, ScaleSetSnapshot snapshot)
    {
        var id = scaleSet.ParsedId;
        var rgPrefix = $"/subscriptions/{id.SubscriptionId}/resourceGroups/{id.ResourceGroup}/providers";
        return new JsonObject
        {
            ["name"] = id.Name,
            ["id"] = id.Id,
            ["type"] = ScaleSetType,
            ["location"] = scaleSet.Model.Location,
            ["tags"] = new JsonObject(),
            ["sku"] = new JsonObject
            {
                ["name"] = scaleSet.Model.Sku,
                ["tier"] = "Standard",
                ["capacity"] = snapshot.Capacity,
            },
            ["properties"] = new JsonObject
            {
                ["singlePlacementGroup"] = false,
                ["upgradePolicy"] = new JsonObject
                {
                    ["mode"] = "Manual",
                    ["automaticOSUpgradePolicy"] = new JsonObject { ["enableAutomaticOSUpgrade"] = false },
                },
                ["virtualMachineProfile"] = new JsonObject
                {
                    ["storageProfile"] = new JsonObject
                    {
                        ["osDisk"] = new JsonObject
                        {
                            ["createOption"] = "FromImage",
                            ["caching"] = "ReadWrite",
                            ["managedDisk"] = new JsonObject { ["storageAccountType"] = "Premium_LRS" },
                            ["diskSizeGB"] = 30,
                        },
                        ["imageReference"] = new JsonObject
                        {
                            ["publisher"] = "Canonical",
                            ["offer"] = "ubuntu-24_04-lts",
                            ["sku"] = "server",
                            ["version"] = "latest",
                        },
                        ["dataDisks"] = new JsonArray(),
                        ["diskControllerType"] = "SCSI",
                    },
                    ["osProfile"] = new JsonObject
                    {
                        ["computerNamePrefix"] = id.Name,
                        ["adminUsername"] = "azureuser",
                        ["linuxConfiguration"] = new JsonObject { ["disablePasswordAuthentication"] = true },
                    },
                    ["networkProfile"] = new JsonObject
                    {
                        ["networkInterfaceConfigurations"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["name"] = $"{id.Name}-nic",
                                ["properties"] = new JsonObject
                                {
                                    ["primary"] = true,
                                    ["ipConfigurations"] = new JsonArray
                                    {
                                        new JsonObject
                                        {
                                            ["name"] = $"{id.Name}-ipconfig",
                                            ["properties"] = new JsonObject
                                            {
                                                ["primary"] = true,
                                                ["subnet"] = new JsonObject { ["id"] = $"{rgPrefix}/Microsoft.Network/virtualNetworks/{id.Name}-vnet/subnets/default" },
                                            },
                                        },
                                    },
                                    ["networkSecurityGroup"] = new JsonObject { ["id"] = $"{rgPrefix}/Microsoft.Network/networkSecurityGroups/{id.Name}-nsg" },
                                },
                            },
                        },
                    },
                },
                ["provisioningState"] = snapshot.ProvisioningState,
                ["overprovision"] = false,
                ["doNotRunExtensionsOnOverprovisionedVMs"] = false,
                ["platformFaultDomainCount"] = 1,
                ["orchestrationMode"] = scaleSet.Model.Flexible ? "Flexible" : "Uniform",
                ["uniqueId"] = scaleSet.UniqueId,
                ["timeCreated"] = WireFormat.Precise(scaleSet.TimeCreated),
            },
        };
    }

    public static JsonObject VirtualMachine(SimulatedScaleSet scaleSet, InstanceSnapshot instance, bool expandInstanceView)
    {
        var id = scaleSet.ParsedId;
        var name = $"{id.Name}_{instance.InstanceId}";
        var properties = new JsonObject
        {
            ["latestModelApplied"] = true,
            ["vmId"] = instance.VmId,
            ["virtualMachineResourceId"] = $"/subscriptions/{id.SubscriptionId}/resourceGroups/{id.ResourceGroup}/providers/Microsoft.Compute/virtualMachines/{name}",
            ["hardwareProfile"] = new JsonObject { ["vmSize"] = scaleSet.Model.Sku },
            ["osProfile"] = new JsonObject { ["computerName"] = ComputerName(scaleSet, instance) },
            ["provisioningState"] = instance.ProvisioningState,
        };
        if (expandInstanceView)
        {
            properties["instanceView"] = InstanceView(scaleSet, instance);
        }

        return new JsonObject
        {
            ["name"] = name,
            ["id"] = $"{id.Id}/virtualMachines/{instance.InstanceId}",
            ["type"] = VmType,
            ["location"] = scaleSet.Model.Location,
            ["instanceId"] = instance.InstanceId,
            ["etag"] = "\"1\"",
            ["sku"] = new JsonObject { ["name"] = scaleSet.Model.Sku, ["tier"] = "Standard" },
            ["properties"] = properties,
        };
    }

    public static JsonObject InstanceView(SimulatedScaleSet scaleSet, InstanceSnapshot instance)
    {
        var (provisioningCode, provisioningDisplay, level, powerCode, powerDisplay) = instance.ProvisioningState switch
        {
            ProvisioningStates.Succeeded => ("ProvisioningState/succeeded", "Provisioning succeeded", "Info", "PowerState/running", "VM running"),
            ProvisioningStates.Creating => ("ProvisioningState/creating", "Creating", "Info", "PowerState/starting", "VM starting"),
            ProvisioningStates.Failed => ("ProvisioningState/failed/VMProvisioningFailed", "Provisioning failed", "Error", "PowerState/stopped", "VM stopped"),
            _ => ("ProvisioningState/deleting", "Deleting", "Info", "PowerState/stopping", "VM stopping"),
        };
        return new JsonObject
        {
            ["platformUpdateDomain"] = 0,
            ["platformFaultDomain"] = 0,
            ["computerName"] = ComputerName(scaleSet, instance),
            ["statuses"] = new JsonArray
            {
                new JsonObject { ["code"] = provisioningCode, ["level"] = level, ["displayStatus"] = provisioningDisplay },
                new JsonObject { ["code"] = powerCode, ["level"] = "Info", ["displayStatus"] = powerDisplay },
            },
        };
    }

    public static JsonObject Operation(OperationSnapshot operation)
    {
        var body = new JsonObject
        {
            ["startTime"] = WireFormat.Precise(operation.StartTime),
            ["status"] = operation.Status,
            ["name"] = operation.OperationId,
        };
        if (operation.EndTime is { } end)
        {
            body["endTime"] = WireFormat.Precise(end);
        }

        if (operation.ErrorCode is not null)
        {
            body["error"] = new JsonObject { ["code"] = operation.ErrorCode, ["message"] = operation.ErrorMessage };
        }

        return body;
    }

    private static string ComputerName(SimulatedScaleSet scaleSet, InstanceSnapshot instance) =>
        $"{scaleSet.Name}{instance.InstanceId.PadLeft(6, '0')}";
}
