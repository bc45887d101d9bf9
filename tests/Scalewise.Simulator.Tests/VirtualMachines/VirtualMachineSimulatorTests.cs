using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Simulator.Tests.VirtualMachines;

public sealed class VirtualMachineSimulatorTests
{
    private const string Api = "2023-07-01";

    [Fact]
    public async Task GetVm_WithInstanceView_HasShapeOfRestExampleAndPowerState()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm, new VirtualMachineModel(DataDiskCount: 2));

        var body = await harness.GetJsonAsync(Ids.Url(Ids.Vm, Api, "$expand=instanceView"));

        JsonShape.AssertCovers(
            RestExampleBodies.Response200Body("compute/VirtualMachine_Get.json"),
            body,
            "$.tags.myTag1", "$.properties.availabilitySet", "$.properties.proximityPlacementGroup", "$.properties.applicationProfile",
            "$.properties.userData", "$.properties.osProfile.windowsConfiguration", "$.properties.diagnosticsProfile.bootDiagnostics.storageUri",
            "$.resources", "$.managedBy");
        Assert.Equal("Standard_D2s_v3", body["properties"]!["hardwareProfile"]!["vmSize"]!.GetValue<string>());
        Assert.Equal(2, body["properties"]!["storageProfile"]!["dataDisks"]!.AsArray().Count);
        Assert.Contains(body["properties"]!["instanceView"]!["statuses"]!.AsArray(), s => s!["code"]!.GetValue<string>() == "PowerState/running");
    }

    [Fact]
    public async Task ListVmSizes_Running_HasShapeOfRestExampleAndListsClusterSizes()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);

        var body = await harness.GetJsonAsync(Ids.Url(Ids.Vm + "/vmSizes", Api));

        JsonShape.AssertCovers(RestExampleBodies.Response200Body("compute/VirtualMachine_ListAvailableVmSizes.json"), body);
        Assert.Equal(VirtualMachineModel.DefaultAvailableSizes, body["value"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PatchVmSize_AvailableSize_UpdatesRestartsAndServesWithNewSize()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(Ids.Vm, new VirtualMachineModel(ResizeDelay: TimeSpan.FromMinutes(3)));

        using var response = await PatchAsync(harness, """{"properties":{"hardwareProfile":{"vmSize":"Standard_D4s_v3"}}}""");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var during = (vm.ProvisioningState, vm.PowerState, vm.Size);
        harness.Time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonShape.AssertCovers(
            RestExampleBodies.Response200Body("compute/VirtualMachine_Update_DetachDataDiskUsingToBeDetachedProperty.json"),
            body,
            "$.properties.osProfile.windowsConfiguration", "$.properties.networkProfile.networkInterfaces[].properties",
            "$.properties.storageProfile.dataDisks[].toBeDetached");
        Assert.Equal(("Updating", "starting", "Standard_D2s_v3"), during);
        Assert.Equal(("Succeeded", "running", "Standard_D4s_v3"), (vm.ProvisioningState, vm.PowerState, vm.Size));
    }

    [Fact]
    public async Task PatchVmSize_SizeOutsideClusterWhileRunning_Is409UntilDeallocated()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(Ids.Vm, new VirtualMachineModel(PowerDelay: TimeSpan.FromMinutes(1)));

        using var refused = await PatchAsync(harness, """{"properties":{"hardwareProfile":{"vmSize":"Standard_E8s_v5"}}}""");
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!;
        using var deallocate = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Vm + "/deallocate", Api), UriKind.Relative), null);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var sizesWhenDeallocated = await harness.GetJsonAsync(Ids.Url(Ids.Vm + "/vmSizes", Api));
        using var accepted = await PatchAsync(harness, """{"properties":{"hardwareProfile":{"vmSize":"Standard_E8s_v5"}}}""");
        harness.Time.Advance(VirtualMachineModel.DefaultResizeDelay);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("OperationNotAllowed", error["code"]!.GetValue<string>());
        Assert.Contains("Deallocate", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, deallocate.StatusCode);
        Assert.NotNull(deallocate.Headers.Location);
        Assert.Equal(VmSize.Catalog.Count, sizesWhenDeallocated["value"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(("Standard_E8s_v5", "deallocated"), (vm.Size, vm.PowerState));
    }

    [Fact]
    public async Task PatchVmSize_UnknownSize_Is400InvalidParameter()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);

        using var response = await PatchAsync(harness, """{"properties":{"hardwareProfile":{"vmSize":"Standard_Nope"}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DeallocateThenStart_Always_MovesPowerStateAndLocationReports202UntilDone()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(Ids.Vm, new VirtualMachineModel(PowerDelay: TimeSpan.FromMinutes(1)));

        using var deallocate = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Vm + "/deallocate", Api), UriKind.Relative), null);
        using var monitorRunning = await harness.Client.GetAsync(new Uri(deallocate.Headers.Location!.PathAndQuery.TrimStart('/'), UriKind.Relative));
        var during = vm.PowerState;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        using var monitorDone = await harness.Client.GetAsync(new Uri(deallocate.Headers.Location!.PathAndQuery.TrimStart('/'), UriKind.Relative));
        var deallocated = vm.PowerState;
        using var start = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Vm + "/start", Api), UriKind.Relative), null);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        using var again = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Vm + "/start", Api), UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, monitorRunning.StatusCode);
        Assert.Equal(HttpStatusCode.OK, monitorDone.StatusCode);
        Assert.Equal(("deallocating", "deallocated"), (during, deallocated));
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal("running", vm.PowerState);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Metrics_Vm_CpuFallsWhenResizedToMoreCoresAndIsZeroWhileDeallocated()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(Ids.Vm, new VirtualMachineModel(RequestsPerSecondPerCore: 25, BaselineCpuPercent: 0, ResizeDelay: TimeSpan.FromMinutes(2)));
        vm.SetLoad(new ConstantLoadProfile(40));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var start = harness.Time.GetUtcNow().AddMinutes(-2);
        using var patch = await PatchAsync(harness, """{"properties":{"hardwareProfile":{"vmSize":"Standard_D4s_v3"}}}""");
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        var body = await harness.GetJsonAsync(
            $"{Ids.Vm.TrimStart('/')}/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=Percentage%20CPU"
            + $"&timespan={Uri.EscapeDataString($"{start:yyyy-MM-ddTHH:mm:ssZ}/{harness.Time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}")}&interval=PT1M&aggregation=Average,Minimum,Maximum&metricnamespace=Microsoft.Compute/virtualMachines");
        var cpu = body["value"]![0]!["timeseries"]![0]!["data"]!.AsArray().Select(p => p!["average"]!.GetValue<double>()).ToList();

        JsonShape.AssertCovers(RestExampleBodies.Response200Body("monitor/GetMetric.json"), body, "$.value[].timeseries[].metadatavalues[]");
        Assert.Equal(80, cpu[0], 1);
        Assert.Equal(0, cpu[2], 1);
        Assert.Equal(40, cpu[^1], 1);
    }

    [Fact]
    public async Task Snapshot_PutGetListDelete_HasShapesOfRestExamplesAndSucceedsAfterDelay()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);
        harness.Simulator.Estate.SnapshotDelay = TimeSpan.FromSeconds(30);
        var snapshotId = Ids.SnapshotGroup + "/snap1";
        var request = new JsonObject
        {
            ["location"] = "westus",
            ["tags"] = new JsonObject { ["scalewise-vm"] = "vm1" },
            ["properties"] = new JsonObject { ["creationData"] = new JsonObject { ["createOption"] = "Copy", ["sourceResourceId"] = vm.Disks[1].Id } },
        }.ToJsonString();

        using var put = await harness.Client.PutAsync(new Uri(Ids.Url(snapshotId, "2023-04-02"), UriKind.Relative), new StringContent(request, Encoding.UTF8, "application/json"));
        var created = JsonNode.Parse(await put.Content.ReadAsStringAsync())!;
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        var got = await harness.GetJsonAsync(Ids.Url(snapshotId, "2023-04-02"));
        var list = await harness.GetJsonAsync(Ids.Url(Ids.SnapshotGroup, "2023-04-02"));
        using var delete = await harness.Client.DeleteAsync(new Uri(Ids.Url(snapshotId, "2023-04-02"), UriKind.Relative));
        using var gone = await harness.Client.GetAsync(new Uri(Ids.Url(snapshotId, "2023-04-02"), UriKind.Relative));

        JsonShape.AssertCovers(RestExampleBodies.Response200Body("compute/Snapshot_Create_FromAnExistingSnapshot.json"), created);
        JsonShape.AssertCovers(
            RestExampleBodies.Response200Body("compute/Snapshot_Get.json"),
            got,
            "$.properties.purchasePlan", "$.properties.encryptionSettingsCollection", "$.tags.department", "$.tags.project", "$.properties.osType");
        Assert.Equal("Updating", created["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal("Succeeded", got["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(vm.Disks[1].Id, got["properties"]!["creationData"]!["sourceResourceId"]!.GetValue<string>());
        Assert.Equal("vm1", got["tags"]!["scalewise-vm"]!.GetValue<string>());
        Assert.Single(list["value"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Snapshot_UnknownSourceDisk_Is404()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);
        var request = """{"location":"westus","properties":{"creationData":{"createOption":"Copy","sourceResourceId":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/disks/nope"}}}""";

        using var put = await harness.Client.PutAsync(new Uri(Ids.Url(Ids.SnapshotGroup + "/snap1", "2023-04-02"), UriKind.Relative), new StringContent(request, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    private static Task<HttpResponseMessage> PatchAsync(SimulatorHarness harness, string body) =>
        harness.Client.PatchAsync(new Uri(Ids.Url(Ids.Vm, Api), UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
