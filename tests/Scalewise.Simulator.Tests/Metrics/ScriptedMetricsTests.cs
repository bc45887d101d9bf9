using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scalewise.Simulator.Load;

namespace Scalewise.Simulator.Tests.Metrics;

/// <summary>Metrics scripted on any resource (Service Bus, Application Gateway, a scale set's memory) and served with dimension filters as Azure Monitor does.</summary>
public sealed class ScriptedMetricsTests
{
    private const string ServiceBusId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-web/providers/Microsoft.ServiceBus/namespaces/sb-web";
    private const string ServiceBusNamespace = "microsoft.servicebus/namespaces";

    [Fact]
    public async Task GetMetrics_FilterOnOneEntity_ReturnsOnlyThatEntitysSeries()
    {
        await using var harness = await StartWithQueuesAsync();
        var start = harness.Time.GetUtcNow().AddMinutes(-3);

        var body = await harness.GetJsonAsync(Metrics(ServiceBusId, start, "ActiveMessages", "Average", "EntityName eq 'orders'"));

        var series = Assert.Single(body["value"]![0]!["timeseries"]!.AsArray());
        Assert.Equal([120d, 120, 120], series!["data"]!.AsArray().Select(p => p!["average"]!.GetValue<double>()));
        var dimension = Assert.Single(series["metadatavalues"]!.AsArray());
        Assert.Equal(("EntityName", "orders"), (dimension!["name"]!["value"]!.GetValue<string>(), dimension["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GetMetrics_WildcardFilter_SplitsOneSeriesPerValueWithTheShapeOfTheRestExample()
    {
        await using var harness = await StartWithQueuesAsync();
        var start = harness.Time.GetUtcNow().AddMinutes(-3);

        var body = await harness.GetJsonAsync(Metrics(ServiceBusId, start, "ActiveMessages", "Average,Minimum,Maximum", "EntityName eq '*'"));

        JsonShape.AssertCovers(RestExampleBodies.Response200Body("monitor/GetMetric.json"), body);
        var values = body["value"]![0]!["timeseries"]!.AsArray()
            .Select(s => (s!["metadatavalues"]![0]!["value"]!.GetValue<string>(), s["data"]![0]!["maximum"]!.GetValue<double>()))
            .OrderBy(s => s.Item1, StringComparer.Ordinal);
        Assert.Equal([("orders", 120d), ("payments", 7d)], values);
    }

    [Fact]
    public async Task GetMetrics_NoFilter_CombinesTheEntitiesIntoOneSeries()
    {
        await using var harness = await StartWithQueuesAsync();
        var start = harness.Time.GetUtcNow().AddMinutes(-3);

        var body = await harness.GetJsonAsync(Metrics(ServiceBusId, start, "ActiveMessages", "Total"));

        var series = Assert.Single(body["value"]![0]!["timeseries"]!.AsArray());
        Assert.Empty(series!["metadatavalues"]!.AsArray());
        Assert.All(series["data"]!.AsArray(), p => Assert.Equal(127, p!["total"]!.GetValue<double>()));
    }

    [Fact]
    public async Task GetMetrics_NotEqualsAndOr_SelectTheMatchingSeries()
    {
        await using var harness = await StartWithQueuesAsync();
        harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", _ => 1000, new Dictionary<string, string> { ["EntityName"] = "audit" });
        var start = harness.Time.GetUtcNow().AddMinutes(-1);

        var body = await harness.GetJsonAsync(Metrics(ServiceBusId, start, "ActiveMessages", "Total", "EntityName ne 'audit' and (EntityName eq 'orders' or EntityName eq 'payments')"));

        var entities = body["value"]![0]!["timeseries"]!.AsArray().Select(s => s!["metadatavalues"]![0]!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["orders", "payments"], entities);
    }

    [Fact]
    public async Task GetMetrics_OrBetweenValuesOfOneDimension_BindsTighterThanAndAsAzureMonitorReadsIt()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddMetricResource(ServiceBusId);
        harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", _ => 1, new Dictionary<string, string> { ["EntityName"] = "orders", ["Region"] = "east" });
        harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", _ => 2, new Dictionary<string, string> { ["EntityName"] = "payments", ["Region"] = "east" });
        harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", _ => 4, new Dictionary<string, string> { ["EntityName"] = "payments", ["Region"] = "west" });
        harness.Time.Advance(TimeSpan.FromMinutes(3));
        var start = harness.Time.GetUtcNow().AddMinutes(-1);

        // Region = east and EntityName in (orders, payments): not (east and orders) or payments, which would add west's 4.
        var body = await harness.GetJsonAsync(Metrics(ServiceBusId, start, "ActiveMessages", "Total", "Region eq 'east' and EntityName eq 'orders' or EntityName eq 'payments'", minutes: 1));

        var totals = body["value"]![0]!["timeseries"]!.AsArray().Select(s => s!["data"]![0]!["total"]!.GetValue<double>()).Order();
        Assert.Equal([1d, 2], totals);
    }

    [Fact]
    public async Task GetMetrics_OrBetweenTwoDimensionNames_BadRequestAsAzureMonitorAnswers()
    {
        await using var harness = await StartWithQueuesAsync();
        var start = harness.Time.GetUtcNow().AddMinutes(-3);

        var message = await BadRequestMessageAsync(harness, Metrics(ServiceBusId, start, "ActiveMessages", "Average", "EntityName eq 'orders' or Region eq 'east'"));

        Assert.Contains("cannot separate two different dimension names (EntityName, Region)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_OverFiveMinuteGrain_AggregatesTheScriptedMinutes()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var start = harness.Time.GetUtcNow();
        harness.Simulator.Estate.AddMetricResource(ServiceBusId);
        harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", t => (t - start).TotalMinutes < 5 ? (t - start).TotalMinutes * 10 : null);
        harness.Time.Advance(TimeSpan.FromMinutes(10));

        var body = await harness.GetJsonAsync(Metrics(ServiceBusId, start, "ActiveMessages", "Average,Minimum,Maximum,Total,Count", interval: "PT5M", minutes: 10));

        var points = body["value"]![0]!["timeseries"]![0]!["data"]!.AsArray();
        Assert.Equal(2, points.Count);
        Assert.Equal((20d, 0d, 40d, 100d, 5d), (Value(points[0], "average"), Value(points[0], "minimum"), Value(points[0], "maximum"), Value(points[0], "total"), Value(points[0], "count")));
        Assert.Equal(["timeStamp"], points[1]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task GetMetrics_UnknownMetric_BadRequestAsAzureMonitorAnswers()
    {
        await using var harness = await StartWithQueuesAsync();
        var start = harness.Time.GetUtcNow().AddMinutes(-3);

        var message = await BadRequestMessageAsync(harness, Metrics(ServiceBusId, start, "DeadletteredMessages", "Average"));

        Assert.Equal(
            "Failed to find metric configuration for provider: microsoft.servicebus, resource Type: namespaces, metric: DeadletteredMessages, Valid metrics: ActiveMessages",
            message);
    }

    [Fact]
    public async Task GetMetrics_FilterOnADimensionTheMetricLacks_BadRequestNamingTheDimension()
    {
        await using var harness = await StartWithQueuesAsync();
        var start = harness.Time.GetUtcNow().AddMinutes(-3);

        var message = await BadRequestMessageAsync(harness, Metrics(ServiceBusId, start, "ActiveMessages", "Average", "QueueName eq 'orders'"));

        Assert.Equal("Metric: ActiveMessages does not support requested dimension combination: QueueName, supported ones are: EntityName", message);
    }

    [Fact]
    public async Task GetMetrics_MalformedFilter_BadRequestSayingWhatWasExpected()
    {
        await using var harness = await StartWithQueuesAsync();
        var start = harness.Time.GetUtcNow().AddMinutes(-3);

        var message = await BadRequestMessageAsync(harness, Metrics(ServiceBusId, start, "ActiveMessages", "Average", "EntityName = orders"));

        Assert.StartsWith("Invalid $filter 'EntityName = orders': expected eq or ne after 'EntityName'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_ScriptedMemoryOnAScaleSet_ServedBesideTheModelledCpu()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 2).SetLoad(new ConstantLoadProfile(30));
        harness.Simulator.Estate.SetMetric(SimulatorHarness.ScaleSetId, "Available Memory Percentage", _ => 42, unit: "Percent");
        var start = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(2));

        var body = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(2), "Percentage CPU,Available Memory Percentage", "Average"));

        var averages = body["value"]!.AsArray().Select(m => m!["timeseries"]![0]!["data"]![0]!["average"]!.GetValue<double>());
        Assert.Equal([80d, 42], averages); // CPU 5 + 100 × 30 / (2 × 20)
        Assert.Equal("Percent", body["value"]![1]!["unit"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetMetricsBatch_ScriptedResourcesWithFilter_EachAnswersItsFilteredSeries()
    {
        await using var harness = await StartWithQueuesAsync();
        var second = ServiceBusId + "-2";
        harness.Simulator.Estate.AddMetricResource(second, "eastus");
        harness.Simulator.Estate.SetMetric(second, "ActiveMessages", _ => 55, new Dictionary<string, string> { ["EntityName"] = "orders" });
        var now = harness.Time.GetUtcNow();
        var uri = "subscriptions/00000000-0000-0000-0000-000000000001/metrics:getBatch?api-version=2024-02-01"
            + $"&starttime={now.AddMinutes(-2).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&endtime={now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"
            + $"&interval=PT1M&metricnamespace={ServiceBusNamespace}&metricnames=ActiveMessages&aggregation=average"
            + "&filter=" + Uri.EscapeDataString("EntityName eq 'orders'");

        using var response = await harness.Client.PostAsJsonAsync(new Uri(uri, UriKind.Relative), new { resourceids = new[] { ServiceBusId, second } });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, text);
        var answers = JsonNode.Parse(text)!["values"]!.AsArray()
            .Select(v => (v!["resourceregion"]!.GetValue<string>(), v["value"]![0]!["timeseries"]![0]!["data"]![0]!["average"]!.GetValue<double>()));
        Assert.Equal([("westus", 120d), ("eastus", 55d)], answers);
    }

    [Fact]
    public async Task SetMetric_UnknownResource_ThrowsNamingHowToAddIt()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var error = Assert.Throws<KeyNotFoundException>(() => harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", _ => 1));

        Assert.Contains("AddMetricResource", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetMetric_SameDimensionsAgain_ReplacesTheSeries()
    {
        await using var harness = await StartWithQueuesAsync();
        harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", _ => 3, new Dictionary<string, string> { ["entityname"] = "ORDERS" });
        var start = harness.Time.GetUtcNow().AddMinutes(-1);

        var body = await harness.GetJsonAsync(Metrics(ServiceBusId, start, "ActiveMessages", "Total", "EntityName eq 'orders'"));

        Assert.Equal(3, body["value"]![0]!["timeseries"]![0]!["data"]![0]!["total"]!.GetValue<double>());
    }

    private static async Task<SimulatorHarness> StartWithQueuesAsync()
    {
        var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddMetricResource(ServiceBusId);
        harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", _ => 120, new Dictionary<string, string> { ["EntityName"] = "orders" });
        harness.Simulator.Estate.SetMetric(ServiceBusId, "ActiveMessages", _ => 7, new Dictionary<string, string> { ["EntityName"] = "payments" });
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        return harness;
    }

    /// <summary>The message of Azure Monitor's 400 <c>{"code":"BadRequest","message"}</c> for <paramref name="uri"/>.</summary>
    private static async Task<string> BadRequestMessageAsync(SimulatorHarness harness, string uri)
    {
        using var response = await harness.Client.GetAsync(new Uri(uri, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", body["code"]!.GetValue<string>());
        return body["message"]!.GetValue<string>();
    }

    private static double Value(JsonNode? point, string aggregation) => point![aggregation]!.GetValue<double>();

    private static string Metrics(string resourceId, DateTimeOffset start, string names, string aggregation, string? filter = null, string interval = "PT1M", int minutes = 3) =>
        $"{resourceId.TrimStart('/')}/providers/Microsoft.Insights/metrics?api-version={SimulatorHarness.MetricsApiVersion}"
        + $"&metricnames={Uri.EscapeDataString(names)}"
        + $"&timespan={Uri.EscapeDataString($"{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}/{start.AddMinutes(minutes).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}")}"
        + $"&interval={interval}&aggregation={aggregation}&metricnamespace={ServiceBusNamespace}"
        + (filter is null ? string.Empty : "&$filter=" + Uri.EscapeDataString(filter));
}
