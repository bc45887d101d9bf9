using System.Text.Json.Nodes;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Tests.Metrics;

/// <summary>Metric history before the simulation started (a daily pattern at hourly grain), and Azure Monitor's ingestion latency.</summary>
public sealed class MetricHistoryTests
{
    private static readonly double[] OfficeDay = [5, 5, 5, 5, 5, 5, 10, 20, 40, 80, 100, 90, 120, 90, 80, 60, 40, 30, 20, 10, 5, 5, 5, 5];

    [Fact]
    public async Task GetMetrics_DailyProfileAsFirstLoad_ServesEightDaysOfHourlyHistoryFollowingThePattern()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var profile = new DailyLoadProfile(OfficeDay, dailyVariation: 0.1);
        harness.AddScaleSet(capacity: 2, new ScaleSetModel(BytesPerRequest: 1000)).SetLoad(profile);
        var now = harness.Time.GetUtcNow();

        var body = await harness.GetJsonAsync(HourlyTotals(now.AddDays(-8), now));

        var points = body["value"]![0]!["timeseries"]![0]!["data"]!.AsArray();
        Assert.Equal(8 * 24, points.Count);
        foreach (var point in points)
        {
            var hour = DateTimeOffset.Parse(point!["timeStamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var expected = OfficeDay[hour.UtcDateTime.Hour] * profile.DayFactor(DateOnly.FromDateTime(hour.UtcDateTime)) * 3600 * 1000;
            Assert.Equal(expected, point["total"]!.GetValue<double>(), 1);
        }

        var peakHours = points.Chunk(24).Select(day => day.MaxBy(p => p!["total"]!.GetValue<double>())!["timeStamp"]!.GetValue<string>()[11..13]).Distinct();
        Assert.Equal(["12"], peakHours);
    }

    [Fact]
    public void DailyLoadProfile_DaysDifferWithinTheVariationAndTheSameTimeAnswersTheSame()
    {
        var profile = new DailyLoadProfile(OfficeDay, dailyVariation: 0.1);
        var noon = new DateTimeOffset(2025, 3, 3, 12, 30, 0, TimeSpan.Zero);

        var rates = Enumerable.Range(0, 28).Select(d => profile.RequestsPerSecondAt(noon.AddDays(-d))).ToList();

        Assert.All(rates, r => Assert.InRange(r, 108, 132));
        Assert.True(rates.Distinct().Count() > 7);
        Assert.Equal(profile.RequestsPerSecondAt(noon), profile.RequestsPerSecondAt(noon.AddMinutes(20)));
    }

    [Fact]
    public void DailyLoadProfile_NotTwentyFourRates_ThrowsSayingSo()
    {
        var error = Assert.Throws<ArgumentException>(() => new DailyLoadProfile([.. OfficeDay.Take(23)]));

        Assert.Contains("24 hourly rates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_WithIngestionLatency_PointServedOnlyThatLongAfterItsMinuteEnds()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.MetricLatency = TimeSpan.FromSeconds(20);
        harness.AddScaleSet(capacity: 2).SetLoad(new ConstantLoadProfile(30));
        var start = harness.Time.GetUtcNow();

        harness.Time.Advance(TimeSpan.FromSeconds(190));
        var early = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(10)));
        harness.Time.Advance(TimeSpan.FromSeconds(15));
        var later = await harness.GetJsonAsync(SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, start, start.AddMinutes(10)));

        Assert.Equal(2, Count(early));
        Assert.Equal(3, Count(later));
    }

    private static int Count(JsonNode body) => body["value"]![0]!["timeseries"]![0]!["data"]!.AsArray().Count;

    private static string HourlyTotals(DateTimeOffset start, DateTimeOffset end) =>
        $"{SimulatorHarness.ScaleSetId.TrimStart('/')}/providers/Microsoft.Insights/metrics?api-version={SimulatorHarness.MetricsApiVersion}"
        + "&metricnames=Network%20In%20Total"
        + $"&timespan={Uri.EscapeDataString($"{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}/{end.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}")}"
        + "&interval=PT1H&aggregation=Total&metricnamespace=Microsoft.Compute/virtualMachineScaleSets";
}
