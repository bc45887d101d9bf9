using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Simulator.Wire;

/// <summary>Single VMs, their sizes and disk snapshots in the ARM Compute wire shape.</summary>
internal static class VirtualMachineJson
{
    public static JsonObject VirtualMachine(SimulatedVirtualMachine vm, bool expandInstanceView)
    {
        var id = vm.ParsedId;
        var rg = id.ResourceGroupPrefix;
        var os = vm.Disks[0];
        var dataDisks = new JsonArray();
        foreach (var disk in vm.Disks.Skip(1))
        {
            dataDisks.Add(new JsonObject
            {
                ["lun"] = disk.Lun,
                ["name"] = disk.Name,
                ["createOption"] = "Empty",
                ["caching"] = "ReadWrite",
                ["managedDisk"] = new JsonObject { ["storageAccountType"] = "Premium_LRS", ["id"] = disk.Id },
                ["diskSizeGB"] = disk.SizeGB,
            });
        }

        var properties = new JsonObject
        {
            ["vmId"] = vm.VmId,
            ["hardwareProfile"] = new JsonObject { ["vmSize"] = vm.Size },
            ["storageProfile"] = new JsonObject
            {
                ["imageReference"] = new JsonObject { ["publisher"] = "Canonical", ["offer"] = "ubuntu-24_04-lts", ["sku"] = "server", ["version"] = "latest" },
                ["osDisk"] = new JsonObject
                {
                    ["osType"] = "Linux",
                    ["name"] = os.Name,
                    ["createOption"] = "FromImage",
                    ["caching"] = "ReadWrite",
                    ["managedDisk"] = new JsonObject { ["storageAccountType"] = "Premium_LRS", ["id"] = os.Id },
                    ["diskSizeGB"] = os.SizeGB,
                },
                ["dataDisks"] = dataDisks,
            },
            ["osProfile"] = new JsonObject
            {
                ["computerName"] = vm.Name,
                ["adminUsername"] = "azureuser",
                ["linuxConfiguration"] = new JsonObject { ["disablePasswordAuthentication"] = true },
                ["secrets"] = new JsonArray(),
            },
            ["securityProfile"] = new JsonObject { ["securityType"] = "Standard" },
            ["networkProfile"] = new JsonObject
            {
                ["networkInterfaces"] = new JsonArray { new JsonObject { ["id"] = $"{rg}/Microsoft.Network/networkInterfaces/{vm.Name}-nic" } },
            },
            ["diagnosticsProfile"] = new JsonObject { ["bootDiagnostics"] = new JsonObject { ["enabled"] = true } },
            ["extensionsTimeBudget"] = "PT1H30M",
            ["provisioningState"] = vm.ProvisioningState,
            ["timeCreated"] = WireFormat.Precise(vm.TimeCreated),
        };
        if (expandInstanceView)
        {
            properties["instanceView"] = InstanceView(vm);
        }

        return new JsonObject
        {
            ["name"] = vm.Name,
            ["id"] = vm.ResourceId,
            ["type"] = "Microsoft.Compute/virtualMachines",
            ["location"] = vm.Location,
            ["tags"] = new JsonObject(),
            ["etag"] = "\"1\"",
            ["properties"] = properties,
            ["resources"] = new JsonArray(),
        };
    }

    public static JsonObject InstanceView(SimulatedVirtualMachine vm)
    {
        var provisioning = vm.ProvisioningState;
        var power = vm.PowerState;
        var provisioningCode = provisioning == ProvisioningStates.Failed ? "ProvisioningState/failed/VMOperationFailed" : "ProvisioningState/" + provisioning.ToUpperInvariant()[..1] + provisioning[1..];
        return new JsonObject
        {
            ["computerName"] = vm.Name,
            ["osName"] = "ubuntu",
            ["platformUpdateDomain"] = 0,
            ["platformFaultDomain"] = 0,
            ["statuses"] = new JsonArray
            {
                new JsonObject { ["code"] = provisioningCode.ToLowerInvariant(), ["level"] = provisioning == ProvisioningStates.Failed ? "Error" : "Info", ["displayStatus"] = "Provisioning " + provisioning.ToLowerInvariant() },
                new JsonObject { ["code"] = PowerStates.CodePrefix + power, ["level"] = "Info", ["displayStatus"] = "VM " + power },
            },
        };
    }

    public static JsonObject Sizes(IReadOnlyList<VmSize> sizes)
    {
        var value = new JsonArray();
        foreach (var size in sizes)
        {
            value.Add(new JsonObject
            {
                ["name"] = size.Name,
                ["numberOfCores"] = size.NumberOfCores,
                ["osDiskSizeInMB"] = size.OsDiskSizeInMB,
                ["resourceDiskSizeInMB"] = size.ResourceDiskSizeInMB,
                ["memoryInMB"] = size.MemoryInMB,
                ["maxDataDiskCount"] = size.MaxDataDiskCount,
            });
        }

        return new JsonObject { ["value"] = value };
    }

    public static JsonObject Snapshot(SimulatedSnapshot snapshot)
    {
        var tags = new JsonObject();
        foreach (var (key, value) in snapshot.Tags)
        {
            tags[key] = value;
        }

        return new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["osType"] = snapshot.Source.IsOsDisk ? "Linux" : null,
                ["hyperVGeneration"] = "V2",
                ["supportedCapabilities"] = new JsonObject { ["acceleratedNetwork"] = true },
                ["supportsHibernation"] = false,
                ["creationData"] = new JsonObject
                {
                    ["createOption"] = "Copy",
                    ["sourceResourceId"] = snapshot.Source.Id,
                    ["sourceUniqueId"] = snapshot.Source.UniqueId,
                },
                ["diskSizeGB"] = snapshot.Source.SizeGB,
                ["diskSizeBytes"] = (long)snapshot.Source.SizeGB * 1024 * 1024 * 1024,
                ["encryption"] = new JsonObject { ["type"] = "EncryptionAtRestWithPlatformKey" },
                ["incremental"] = snapshot.Incremental,
                ["uniqueId"] = snapshot.UniqueId,
                ["timeCreated"] = WireFormat.Precise(snapshot.TimeCreated),
                ["provisioningState"] = snapshot.ProvisioningState,
            },
            ["type"] = "Microsoft.Compute/snapshots",
            ["location"] = snapshot.Location,
            ["tags"] = tags,
            ["id"] = snapshot.ResourceId,
            ["name"] = snapshot.Name,
        };
    }
}
