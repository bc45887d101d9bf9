using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Azure.Targets;
using static Scalewise.Azure.Tests.Contracts.RedisContractTests;

namespace Scalewise.Azure.Tests.Contracts;

/// <summary>
/// The scale-set and VM adapters (Azure.ResourceManager.Compute) fed each official example answer, in every status the
/// definition allows, and their requests checked against the ComputeRP 2023-07-01 and DiskRP 2023-04-02 definitions.
/// </summary>
public sealed class ComputeContractTests
{
    private const string ScaleSetSpec = "specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2023-07-01/virtualMachineScaleSet.json";
    private const string VmSpec = "specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2023-07-01/virtualMachine.json";
    private const string SnapshotSpec = "specification/compute/resource-manager/Microsoft.Compute/DiskRP/stable/2023-04-02/snapshot.json";
    private const string ScaleSet = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/myResourceGroup/providers/Microsoft.Compute/virtualMachineScaleSets/vmssName";
    private const string Vm = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/myResourceGroup/providers/Microsoft.Compute/virtualMachines/myVM";

    [Fact]
    public async Task ScaleSet_GetUpdateAndFlexibleVmList_OfficialExamples_ReadCapacityAndEachVmThroughItsResource()
    {
        var vm = Body("compute/VirtualMachine_Get.json", "200");
        var arm = new ExampleArm()
            .Answer("GET", "/virtualMachineScaleSets/vmssName/virtualMachines", 200, Body("compute/VirtualMachineScaleSetVM_List_WithVirtualMachineResourceId.json", "200"))
            .Answer("GET", "/virtualMachineScaleSets/vmssName", 200, Body("compute/VirtualMachineScaleSet_Get_WithDiskControllerType.json", "200"))
            .Answer("PATCH", "/virtualMachineScaleSets/vmssName", 200, Body("compute/VirtualMachineScaleSet_Update_MinimumSet_Gen.json", "200"))
            .Answer("GET", "_1", 200, vm)
            .Answer("GET", "_2", 200, vm?.DeepClone());
        using var connection = arm.Connect();
        var controller = new ScaleSetController(connection.Client, NullLogger<ScaleSetController>.Instance);

        var snapshot = await controller.GetAsync(ScaleSet, CancellationToken.None);
        await controller.BeginSetCapacityAsync(ScaleSet, 5, CancellationToken.None);
        var instances = await controller.GetInstancesAsync(ScaleSet, CancellationToken.None);

        Assert.Equal((4, "Standard_D2s_v3"), (snapshot.Capacity, snapshot.Sku));
        Assert.Equal(2, instances.SucceededCount);
        OperationDefinition.Load(ScaleSetSpec, "VirtualMachineScaleSets_Get").AssertAccepts(arm.Requests[0].Method, arm.Requests[0].Uri, arm.Requests[0].Body);
        OperationDefinition.Load(ScaleSetSpec, "VirtualMachineScaleSets_Update").AssertAccepts(arm.Requests[1].Method, arm.Requests[1].Uri, arm.Requests[1].Body);
        OperationDefinition.Load(ScaleSetSpec, "VirtualMachineScaleSetVMs_List").AssertAccepts(arm.Requests[2].Method, arm.Requests[2].Uri, arm.Requests[2].Body);
        Assert.All(arm.Requests.Skip(3), r => OperationDefinition.Load(VmSpec, "VirtualMachines_Get").AssertAccepts(r.Method, r.Uri, r.Body));
    }

    [Fact]
    public async Task VirtualMachine_GetAndResize_OfficialExamples_ReadSizeAndDisks()
    {
        var arm = new ExampleArm()
            .Answer("GET", "/virtualMachines/myVM", 200, Body("compute/VirtualMachine_Get.json", "200"))
            .Answer("PATCH", "/virtualMachines/myVM", 200, Body("compute/VirtualMachine_Update_DetachDataDiskUsingToBeDetachedProperty.json", "200"));
        using var connection = arm.Connect();
        var controller = new VirtualMachineController(connection.Client, NullLogger<VirtualMachineController>.Instance);

        var state = await controller.GetAsync(Vm, CancellationToken.None);
        await controller.BeginResizeAsync(Vm, "Standard_D2_v2", CancellationToken.None);

        Assert.Equal("Standard_DS3_v2", state.Size);
        Assert.Contains(state.Disks, d => d.Id.EndsWith("/disks/myOsDisk", StringComparison.Ordinal));
        OperationDefinition.Load(VmSpec, "VirtualMachines_Get").AssertAccepts(arm.Requests[0].Method, arm.Requests[0].Uri, arm.Requests[0].Body);
        OperationDefinition.Load(VmSpec, "VirtualMachines_Update").AssertAccepts(arm.Requests[1].Method, arm.Requests[1].Uri, arm.Requests[1].Body);
    }

    [Theory]
    [InlineData("deallocate", "VirtualMachine_Deallocate_MaximumSet_Gen.json", "VirtualMachines_Deallocate", 200)]
    [InlineData("deallocate", "VirtualMachine_Deallocate_MaximumSet_Gen.json", "VirtualMachines_Deallocate", 202)]
    [InlineData("start", "VirtualMachine_Start_MaximumSet_Gen.json", "VirtualMachines_Start", 200)]
    [InlineData("start", "VirtualMachine_Start_MaximumSet_Gen.json", "VirtualMachines_Start", 202)]
    public async Task VirtualMachine_PowerChange_EveryAnswerTheDefinitionAllows_IsAccepted(string action, string example, string operationId, int status)
    {
        var definition = OperationDefinition.Load(VmSpec, operationId);
        Assert.Contains(status, definition.Statuses);
        var arm = new ExampleArm().Answer("POST", "/virtualMachines/myVM/" + action, status, Body("compute/" + example, status.ToString(System.Globalization.CultureInfo.InvariantCulture)), Headers("compute/" + example, status));
        using var connection = arm.Connect();
        var controller = new VirtualMachineController(connection.Client, NullLogger<VirtualMachineController>.Instance);

        await (action == "start" ? controller.BeginStartAsync(Vm, CancellationToken.None) : controller.BeginDeallocateAsync(Vm, CancellationToken.None));

        var (method, uri, body) = Assert.Single(arm.Requests);
        definition.AssertAccepts(method, uri, body);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    public async Task Snapshot_Create_EveryAnswerTheDefinitionAllows_StartsOnePerDiskWithABodyTheDefinitionHas(int status)
    {
        var definition = OperationDefinition.Load(SnapshotSpec, "Snapshots_CreateOrUpdate");
        Assert.Contains(status, definition.Statuses);
        var vm = Body("compute/VirtualMachine_Get.json", "200")!;
        var disks = 1 + vm["properties"]!["storageProfile"]!["dataDisks"]!.AsArray().Count(d => d?["managedDisk"]?["id"] is not null);
        var arm = new ExampleArm().Answer("GET", "/virtualMachines/myVM", 200, vm);
        for (var i = 0; i < disks; i++)
        {
            arm.Answer("PUT", "/snapshots/", status, Body("compute/Snapshot_Create_FromAnExistingSnapshot.json", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        using var connection = arm.Connect();
        var controller = new VirtualMachineController(connection.Client, NullLogger<VirtualMachineController>.Instance);

        var taken = await controller.BeginSnapshotDisksAsync(Vm, "20261124T0900", CancellationToken.None);

        Assert.Equal(disks, taken.Count);
        Assert.All(arm.Requests.Skip(1), r => definition.AssertAccepts(r.Method, r.Uri, r.Body));
    }
}
