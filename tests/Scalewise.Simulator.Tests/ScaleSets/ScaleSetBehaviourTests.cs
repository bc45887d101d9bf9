using System.Text.Json.Nodes;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Tests.ScaleSets;

public sealed class ScaleSetBehaviourTests
{
    private static readonly TimeSpan Delay = ScaleSetModel.DefaultProvisioningDelay;

    [Fact]
    public async Task PatchScaleSet_CapacityUp_UpdatingThenSucceededWithNewInstancesAfterDelay()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 2);

        var (patched, _) = await harness.PatchCapacityAsync(5);
        var during = await harness.GetJsonAsync(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId));
        harness.Time.Advance(Delay);
        var after = await harness.GetJsonAsync(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId));

        Assert.Equal("Updating", patched["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(5, patched["sku"]!["capacity"]!.GetValue<int>());
        Assert.Equal("Updating", during["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal("Succeeded", after["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(5, after["sku"]!["capacity"]!.GetValue<int>());
        Assert.Equal(5, scaleSet.ReadyInstances);
    }

    [Fact]
    public async Task AsyncOperation_AfterPatch_InProgressThenSucceeded()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2);

        var (_, operationUri) = await harness.PatchCapacityAsync(3);
        var during = await harness.GetJsonAsync(operationUri.PathAndQuery.TrimStart('/'));
        harness.Time.Advance(Delay);
        var after = await harness.GetJsonAsync(operationUri.PathAndQuery.TrimStart('/'));

        Assert.Equal(harness.Simulator.BaseUri.Authority, operationUri.Authority);
        Assert.Contains("/providers/Microsoft.Compute/locations/westus/operations/", operationUri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("InProgress", during["status"]!.GetValue<string>());
        Assert.Null(during["endTime"]);
        Assert.Equal("Succeeded", after["status"]!.GetValue<string>());
        Assert.Equal(after["name"]!.GetValue<string>(), operationUri.Segments[^1]);
        Assert.NotNull(after["startTime"]);
        Assert.NotNull(after["endTime"]);
    }

    [Fact]
    public async Task ListVirtualMachines_DuringScaleOut_NewInstancesCreatingThenSucceeded()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 1);
        var list = SimulatorHarness.Arm(SimulatorHarness.ScaleSetId + "/virtualMachines", "$expand=instanceView");

        await harness.PatchCapacityAsync(3);
        var during = await harness.GetJsonAsync(list);
        harness.Time.Advance(Delay);
        var after = await harness.GetJsonAsync(list);

        Assert.Equal(["Succeeded", "Creating", "Creating"], States(during));
        Assert.Equal(["Succeeded", "Succeeded", "Succeeded"], States(after));
        var statuses = after["value"]![2]!["properties"]!["instanceView"]!["statuses"]!.AsArray().Select(s => s!["code"]!.GetValue<string>());
        Assert.Equal(["ProvisioningState/succeeded", "PowerState/running"], statuses);
        Assert.Equal(["0", "1", "2"], after["value"]!.AsArray().Select(v => v!["instanceId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GetInstanceView_CreatingThenReady_ReportsProvisioningAndPowerState()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 1);
        var view = SimulatorHarness.Arm(SimulatorHarness.ScaleSetId + "/virtualMachines/1/instanceView");

        await harness.PatchCapacityAsync(2);
        var during = await harness.GetJsonAsync(view);
        harness.Time.Advance(Delay);
        var after = await harness.GetJsonAsync(view);

        Assert.Equal("ProvisioningState/creating", during["statuses"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("ProvisioningState/succeeded", after["statuses"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("PowerState/running", after["statuses"]![1]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task FailNextProvisioning_ScaleOut_NewInstancesFailedAndScaleSetSucceeded()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 2);
        scaleSet.FailNextProvisioning();

        var (_, operationUri) = await harness.PatchCapacityAsync(4);
        harness.Time.Advance(Delay);
        var vms = await harness.GetJsonAsync(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId + "/virtualMachines", "$expand=instanceView"));
        var resource = await harness.GetJsonAsync(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId));
        var operation = await harness.GetJsonAsync(operationUri.PathAndQuery.TrimStart('/'));

        Assert.Equal(["Succeeded", "Succeeded", "Failed", "Failed"], States(vms));
        Assert.StartsWith("ProvisioningState/failed", vms["value"]![3]!["properties"]!["instanceView"]!["statuses"]![0]!["code"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Succeeded", resource["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(4, resource["sku"]!["capacity"]!.GetValue<int>());
        Assert.Equal("Failed", operation["status"]!.GetValue<string>());
        Assert.Equal(2, scaleSet.ReadyInstances);
    }

    [Fact]
    public async Task FailNextProvisioning_SecondScaleOut_Succeeds()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 1);
        scaleSet.FailNextProvisioning();

        await harness.PatchCapacityAsync(2);
        harness.Time.Advance(Delay);
        await harness.PatchCapacityAsync(3);
        harness.Time.Advance(Delay);

        Assert.Equal(["Succeeded", "Failed", "Succeeded"], scaleSet.Instances.Select(i => i.ProvisioningState));
        Assert.Equal(2, scaleSet.ReadyInstances);
    }

    [Fact]
    public async Task PatchScaleSet_CapacityDown_InstancesStopServingAtOnceAndLeaveAfterDelay()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 4);

        var (patched, _) = await harness.PatchCapacityAsync(2);
        var readyDuring = scaleSet.ReadyInstances;
        var statesDuring = scaleSet.Instances.Select(i => i.ProvisioningState).ToList();
        harness.Time.Advance(Delay);

        Assert.Equal(2, patched["sku"]!["capacity"]!.GetValue<int>());
        Assert.Equal(2, readyDuring);
        Assert.Equal(["Succeeded", "Succeeded", "Deleting", "Deleting"], statesDuring);
        Assert.Equal(["0", "1"], scaleSet.Instances.Select(i => i.InstanceId));
        Assert.Equal("Succeeded", scaleSet.ProvisioningState);
    }

    [Fact]
    public async Task PatchScaleSet_WhileUpdating_RestartsOperationToNewCapacity()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 2);

        var (_, first) = await harness.PatchCapacityAsync(4);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var (_, second) = await harness.PatchCapacityAsync(6);
        var firstStatus = await harness.GetJsonAsync(first.PathAndQuery.TrimStart('/'));
        harness.Time.Advance(Delay - TimeSpan.FromMinutes(1));
        var readyWhenFirstWouldEnd = scaleSet.ReadyInstances;
        var stateWhenFirstWouldEnd = scaleSet.ProvisioningState;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var secondStatus = await harness.GetJsonAsync(second.PathAndQuery.TrimStart('/'));

        Assert.Equal("Canceled", firstStatus["status"]!.GetValue<string>());
        Assert.Equal(4, readyWhenFirstWouldEnd);
        Assert.Equal("Updating", stateWhenFirstWouldEnd);
        Assert.Equal("Succeeded", secondStatus["status"]!.GetValue<string>());
        Assert.Equal(6, scaleSet.ReadyInstances);
    }

    [Fact]
    public async Task PatchScaleSet_WithoutCapacity_AcceptedAndNothingChanges()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 2);

        using var response = await harness.PatchAsync(SimulatorHarness.ScaleSetId, """{"tags":{"a":"b"},"sku":{"name":"Standard_D2s_v3","tier":"Standard"},"properties":{"overprovision":false}}""");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("Succeeded", body["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(2, scaleSet.Capacity);
    }

    private static string[] States(JsonNode list) =>
        [.. list["value"]!.AsArray().Select(v => v!["properties"]!["provisioningState"]!.GetValue<string>())];
}
