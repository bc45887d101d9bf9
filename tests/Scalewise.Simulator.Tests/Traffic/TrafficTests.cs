using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.Traffic;

namespace Scalewise.Simulator.Tests.Traffic;

/// <summary>ARM's read throttling per subscription and Azure Monitor's batch limit, as a caller sees them.</summary>
public sealed class TrafficTests
{
    [Fact]
    public async Task Get_ThrottlingOnAndTheClockStill_The251stReadIs429WithRetryAfterAndOtherSubscriptionsAreNot()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddScaleSet(SimulatorHarness.ScaleSetId, 2, new ScaleSetModel());
        const string Other = "/subscriptions/00000000-0000-0000-0000-000000000009/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-other";
        harness.Simulator.Estate.AddScaleSet(Other, 2, new ScaleSetModel());
        harness.Simulator.Estate.Traffic.Throttling = true;
        var url = new Uri(Ids.Url(SimulatorHarness.ScaleSetId, SimulatorHarness.ApiVersion), UriKind.Relative);
        for (var i = 0; i < SimulatedTraffic.ReadBucketSize; i++)
        {
            using var ok = await harness.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var throttled = await harness.Client.GetAsync(url);
        using var elsewhere = await harness.Client.GetAsync(new Uri(Ids.Url(Other, SimulatorHarness.ApiVersion), UriKind.Relative));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        using var refilled = await harness.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Contains("TooManyRequests", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (elsewhere.StatusCode, refilled.StatusCode));
        Assert.Equal(1, harness.Simulator.Estate.Traffic.Throttled);
    }

    [Fact]
    public async Task PostMetricsBatch_FiftyOneResources_IsRefusedNamingTheLimit()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var ids = Enumerable.Range(0, 51).Select(i => SimulatorHarness.ScaleSetId + i.ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            harness.Simulator.Estate.AddScaleSet(id, 1, new ScaleSetModel());
        }

        var now = harness.Time.GetUtcNow();
        var uri = $"subscriptions/{Ids.Sub}/metrics:getBatch?api-version=2024-02-01"
            + $"&starttime={now.AddMinutes(-5).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&endtime={now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"
            + "&interval=PT1M&metricnamespace=Microsoft.Compute/virtualMachineScaleSets&metricnames=Percentage%20CPU&aggregation=average";

        using var tooMany = await harness.Client.PostAsJsonAsync(new Uri(uri, UriKind.Relative), new { resourceids = ids });
        using var fifty = await harness.Client.PostAsJsonAsync(new Uri(uri, UriKind.Relative), new { resourceids = ids.Take(50) });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 50", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fifty.StatusCode);
        Assert.Equal(2, harness.Simulator.Estate.Traffic.Count(TrafficKind.MetricsBatch));
    }
}
