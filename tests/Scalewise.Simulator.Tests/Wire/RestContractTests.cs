using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scalewise.Simulator.Load;

namespace Scalewise.Simulator.Tests.Wire;

/// <summary>The simulator's 200 responses have the shape of the official Azure REST examples.</summary>
public sealed class RestContractTests
{
    [Fact]
    public async Task GetScaleSet_Always_HasShapeOfRestExample()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 4);

        var body = await harness.GetJsonAsync(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId));

        JsonShape.AssertCovers(
            RestExampleBodies.Response200Body("compute/VirtualMachineScaleSet_Get_WithDiskControllerType.json"),
            body,
            "$.tags.myTag1",
            "$.properties.virtualMachineProfile.applicationProfile",
            "$.properties.virtualMachineProfile.userData",
            "$.properties.hostGroup");
        Assert.Equal(4, body["sku"]!["capacity"]!.GetValue<int>());
        Assert.Equal("Uniform", body["properties"]!["orchestrationMode"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchScaleSet_Capacity_ResponseHasShapeOfRestExamples()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2);

        var (body, _) = await harness.PatchCapacityAsync(3);

        JsonShape.AssertCovers(RestExampleBodies.Response200Body("compute/VirtualMachineScaleSet_Update_MinimumSet_Gen.json"), body);
        JsonShape.AssertCovers(
            RestExampleBodies.Response200Body("compute/VirtualMachineScaleSet_Get_WithDiskControllerType.json"),
            body,
            "$.tags.myTag1",
            "$.properties.virtualMachineProfile.applicationProfile",
            "$.properties.virtualMachineProfile.userData",
            "$.properties.hostGroup");
    }

    [Fact]
    public async Task ListVirtualMachines_Always_HasShapeOfRestExample()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2);

        var body = await harness.GetJsonAsync(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId + "/virtualMachines", "$expand=instanceView"));

        JsonShape.AssertCovers(RestExampleBodies.Response200Body("compute/VirtualMachineScaleSetVM_List_WithVirtualMachineResourceId.json"), body);
        Assert.Equal(2, body["value"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListVirtualMachines_FlexibleScaleSet_ListsOnlyEachVmsResourceIdWhichServesItsInstanceView()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2, new Scalewise.Simulator.ScaleSets.ScaleSetModel(Flexible: true));

        var list = await harness.GetJsonAsync(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId + "/virtualMachines", "$expand=instanceView"));
        var entry = list["value"]![0]!;
        var vmId = entry["properties"]!["virtualMachineResourceId"]!.GetValue<string>();
        var vm = await harness.GetJsonAsync(SimulatorHarness.Arm(vmId, "$expand=instanceView"));

        var example = RestExampleBodies.Response200Body("compute/VirtualMachineScaleSetVM_List_WithVirtualMachineResourceId.json");
        Assert.Equal(example["value"]![0]!["properties"]!.AsObject().Select(p => p.Key), entry["properties"]!.AsObject().Select(p => p.Key));
        JsonShape.AssertCovers(example, list);
        Assert.Equal("Succeeded", vm["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Contains(vm["properties"]!["instanceView"]!["statuses"]!.AsArray(), s => s!["code"]!.GetValue<string>() == "PowerState/running");
        Assert.Equal(SimulatorHarness.ScaleSetId, vm["properties"]!["virtualMachineScaleSet"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetMetrics_CpuAndNetwork_HasShapeOfRestExample()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2).SetLoad(new ConstantLoadProfile(20));
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var now = harness.Time.GetUtcNow();

        var body = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, now.AddMinutes(-5), now));

        JsonShape.AssertCovers(
            RestExampleBodies.Response200Body("monitor/GetMetric.json"),
            body,
            "$.value[].timeseries[].metadatavalues[]");
        Assert.Equal(["Percentage CPU", "Network In Total"], body["value"]!.AsArray().Select(v => v!["name"]!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GetMetricsBatch_TwoScaleSets_HasShapeOfRestExample()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2);
        var second = SimulatorHarness.ScaleSetId + "-2";
        harness.AddScaleSet(capacity: 3, id: second);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var now = harness.Time.GetUtcNow();
        var uri = "subscriptions/00000000-0000-0000-0000-000000000001/metrics:getBatch?api-version=2024-02-01"
            + $"&starttime={now.AddMinutes(-5).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&endtime={now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"
            + "&interval=PT1M&metricnamespace=Microsoft.Compute/virtualMachineScaleSets&metricnames=Percentage%20CPU&aggregation=average,minimum,maximum";

        using var response = await harness.Client.PostAsJsonAsync(new Uri(uri, UriKind.Relative), new { resourceids = new[] { SimulatorHarness.ScaleSetId, second } });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, text);
        var body = JsonNode.Parse(text);
        JsonShape.AssertCovers(
            RestExampleBodies.Response200Body("monitor-dataplane/MetricBatchExample.json"),
            body,
            "$.values[].value[].timeseries[].metadatavalues[]");
        Assert.Equal(2, body!["values"]!.AsArray().Count);
    }
}
