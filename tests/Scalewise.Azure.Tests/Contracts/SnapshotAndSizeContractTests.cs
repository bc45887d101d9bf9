using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Azure.Targets;
using static Scalewise.Azure.Tests.Contracts.RedisContractTests;

namespace Scalewise.Azure.Tests.Contracts;

/// <summary>
/// The VM adapter's reads and clean-up fed the official example answers (VirtualMachines_ListAvailableSizes, Snapshots_Get),
/// Snapshots_Delete in every status its definition allows, and each request checked against ComputeRP 2023-07-01 / DiskRP 2023-04-02.
/// </summary>
public sealed class SnapshotAndSizeContractTests
{
    private const string VmSpec = "specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2023-07-01/virtualMachine.json";
    private const string SnapshotSpec = "specification/compute/resource-manager/Microsoft.Compute/DiskRP/stable/2023-04-02/snapshot.json";
    private const string Group = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/myResourceGroup";
    private const string Vm = Group + "/providers/Microsoft.Compute/virtualMachines/myVmName";

    [Fact]
    public async Task ListAvailableSizes_OfficialExample_ReadsEverySizeWithCoresMemoryAndDataDisks()
    {
        var arm = new ExampleArm().Answer("GET", "/virtualMachines/myVmName/vmSizes", 200, Body("compute/VirtualMachine_ListAvailableVmSizes.json", "200"));
        using var connection = arm.Connect();
        var controller = new VirtualMachineController(connection.Client, NullLogger<VirtualMachineController>.Instance);

        var sizes = await controller.ListAvailableSizesAsync(Vm, CancellationToken.None);

        Assert.Equal([("Standard_A1_V2", 1, 2048, 2), ("Standard_A2_V2", 2, 4096, 4)], sizes.Select(s => (s.Name, s.NumberOfCores, s.MemoryInMB, s.MaxDataDiskCount)));
        var (method, uri, body) = Assert.Single(arm.Requests);
        OperationDefinition.Load(VmSpec, "VirtualMachines_ListAvailableSizes").AssertAccepts(method, uri, body);
    }

    [Theory]
    [InlineData("compute/Snapshot_Get.json", "mySnapshot")]
    [InlineData("compute/Snapshot_GetIncrementalSnapshot.json", "myIncrementalSnapshot")]
    public async Task SnapshotGet_OfficialExamples_ReadSourceStateAndCreationTime(string example, string name)
    {
        var answer = Body(example, "200")!;
        var arm = new ExampleArm().Answer("GET", "/snapshots/" + name, 200, answer);
        using var connection = arm.Connect();
        var controller = new VirtualMachineController(connection.Client, NullLogger<VirtualMachineController>.Instance);

        var snapshot = await controller.GetSnapshotAsync(Group + "/providers/Microsoft.Compute/snapshots/" + name, CancellationToken.None);

        Assert.Equal(name, snapshot.Name);
        Assert.EndsWith("/providers/Microsoft.Compute/disks/myDisk", snapshot.SourceDiskId, StringComparison.Ordinal);
        Assert.Equal((string?)answer["properties"]!["provisioningState"], snapshot.ProvisioningState);
        Assert.Equal(DateTimeOffset.Parse((string)answer["properties"]!["timeCreated"]!, CultureInfo.InvariantCulture), snapshot.TimeCreated);
        var (method, uri, body) = Assert.Single(arm.Requests);
        OperationDefinition.Load(SnapshotSpec, "Snapshots_Get").AssertAccepts(method, uri, body);
    }

    /// <summary>
    /// The list answer is the official Get example's snapshot twice (no list example is on the shelf), one tagged as this VM's
    /// and taken before the cut-off, the other another's; only the first is deleted, in each answer Snapshots_Delete documents.
    /// </summary>
    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task SnapshotListAndDelete_EveryDeleteAnswerTheDefinitionAllows_DeletesOnlyThisVmsOldSnapshots(int status)
    {
        var delete = OperationDefinition.Load(SnapshotSpec, "Snapshots_Delete");
        Assert.Contains(status, delete.Statuses);
        var ours = Body("compute/Snapshot_Get.json", "200")!.AsObject();
        ours["tags"]![VirtualMachineController.VmTag] = Vm;

        // The example writes its id with a "{subscriptionId}" placeholder, which the SDK refuses as a subscription: a real id.
        ours["id"] = Group + "/providers/Microsoft.Compute/snapshots/mySnapshot";
        var others = ours.DeepClone().AsObject();
        others["name"] = "theirSnapshot";
        others["id"] = Group + "/providers/Microsoft.Compute/snapshots/theirSnapshot";
        others["tags"]![VirtualMachineController.VmTag] = Group + "/providers/Microsoft.Compute/virtualMachines/another";
        var arm = new ExampleArm()
            .Answer("GET", "/providers/Microsoft.Compute/snapshots", 200, new JsonObject { ["value"] = new JsonArray(ours, others) })
            .Answer("DELETE", "/snapshots/mySnapshot", status);
        using var connection = arm.Connect();
        var controller = new VirtualMachineController(connection.Client, NullLogger<VirtualMachineController>.Instance);

        var deleted = await controller.DeleteSnapshotsCreatedBeforeAsync(Vm, new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal("mySnapshot", Assert.Single(deleted).Split('/')[^1]);
        Assert.Equal(2, arm.Requests.Count);
        OperationDefinition.Load(SnapshotSpec, "Snapshots_ListByResourceGroup").AssertAccepts(arm.Requests[0].Method, arm.Requests[0].Uri, arm.Requests[0].Body);
        delete.AssertAccepts(arm.Requests[1].Method, arm.Requests[1].Uri, arm.Requests[1].Body);
    }
}
