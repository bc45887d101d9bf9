using System.Net;
using System.Text.Json.Nodes;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Tests.Metrics;

public sealed class MetricsTests
{
    [Fact]
    public async Task GetMetrics_CapacityRisesAtConstantLoad_CpuFalls()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var model = new ScaleSetModel(RequestsPerSecondPerInstance: 20, BaselineCpuPercent: 5, ProvisioningDelay: TimeSpan.FromMinutes(3));
        harness.AddScaleSet(capacity: 2, model).SetLoad(new ConstantLoadProfile(30));
        var start = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        await harness.PatchCapacityAsync(4);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var body = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(15), "Percentage CPU", "Average"));

        var averages = Points(body, 0).Select(p => p!["average"]!.GetValue<double>()).ToList();
        Assert.Equal(15, averages.Count);
        Assert.All(averages.Take(8), a => Assert.Equal(80, a, 6)); // 5 + 100 * 30 / (2 * 20)
        Assert.All(averages.Skip(8), a => Assert.Equal(42.5, a, 6)); // 5 + 100 * 30 / (4 * 20)
    }

    [Fact]
    public async Task GetMetrics_FutureMinutes_Omitted()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2);
        var start = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(3.5));

        var body = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(10)));

        var stamps = Points(body, 0).Select(p => p!["timeStamp"]!.GetValue<string>());
        Assert.Equal(["2025-03-03T09:00:00Z", "2025-03-03T09:01:00Z", "2025-03-03T09:02:00Z"], stamps);
    }

    [Fact]
    public async Task GetMetrics_LoadExceedsCapacity_CpuCappedAt100AndNetworkFollowsRequests()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var model = new ScaleSetModel(RequestsPerSecondPerInstance: 10, BytesPerRequest: 1000);
        harness.AddScaleSet(capacity: 2, model).SetLoad(new ConstantLoadProfile(50));
        var start = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(2));

        var body = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(2), aggregation: "Average,Maximum,Total"));

        Assert.Equal("Percent", body["value"]![0]!["unit"]!.GetValue<string>());
        Assert.All(Points(body, 0), p => Assert.Equal(100, p!["maximum"]!.GetValue<double>()));
        Assert.Equal("Bytes", body["value"]![1]!["unit"]!.GetValue<string>());
        Assert.All(Points(body, 1), p => Assert.Equal(50 * 60 * 1000, p!["total"]!.GetValue<double>(), 6));
    }

    [Fact]
    public async Task GetMetrics_PhasedLoad_CpuFollowsPhases()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var start = harness.Time.GetUtcNow();
        var scaleSet = harness.AddScaleSet(capacity: 1, new ScaleSetModel(RequestsPerSecondPerInstance: 100, BaselineCpuPercent: 0));
        scaleSet.SetLoad(new PhasedLoadProfile(start, new LoadPhase(TimeSpan.FromMinutes(2), 10), new LoadPhase(TimeSpan.FromMinutes(2), 50)));
        harness.Time.Advance(TimeSpan.FromMinutes(6));

        var body = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(6), "Percentage CPU", "Average"));

        Assert.Equal([10d, 10, 50, 50, 50, 50], Points(body, 0).Select(p => p!["average"]!.GetValue<double>()));
    }

    [Fact]
    public async Task GetMetrics_UnknownMetric_BadRequestNamingMetric()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();
        var now = harness.Time.GetUtcNow();

        using var response = await harness.Client.GetAsync(new Uri(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, now.AddHours(-1), now, "Percentage CPU,Disk Magic"), UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", body["code"]!.GetValue<string>());
        Assert.Contains("Failed to find metric configuration for provider: microsoft.compute", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("metric: Disk Magic", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_UnknownResource_NotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var now = harness.Time.GetUtcNow();

        using var response = await harness.Client.GetAsync(new Uri(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, now.AddHours(-1), now), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonArray Points(JsonNode body, int metric) =>
        body["value"]![metric]!["timeseries"]![0]!["data"]!.AsArray();
}
