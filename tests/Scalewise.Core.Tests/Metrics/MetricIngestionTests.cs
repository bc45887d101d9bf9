using System.Text.Json.Nodes;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;

namespace Scalewise.Core.Tests.Metrics;

public sealed class MetricIngestionTests
{
    private static readonly string WebDefault = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", "web-default.json"));

    [Theory]
    [InlineData("2026-11-24T10:07:00Z", 3, "2026-11-24T10:04:00Z")]
    [InlineData("2026-11-24T10:07:59Z", 3, "2026-11-24T10:04:00Z")]
    [InlineData("2026-11-24T10:07:30Z", 0, "2026-11-24T10:07:00Z")]
    public void WindowEnd_ReadTime_IsTheLastWholeMinuteTheLatencyAgo(string readTime, int latencyMinutes, string expected)
    {
        var end = MetricIngestion.WindowEnd(DateTimeOffset.Parse(readTime, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(latencyMinutes));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), end);
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData("microsoft.compute/virtualmachinescalesets", 3)]
    [InlineData("Microsoft.ServiceBus/namespaces", 3)]
    [InlineData("Azure.VM.Linux.GuestMetrics", 5)]
    [InlineData("Azure.ApplicationInsights", 5)]
    public void DefaultFor_MetricKind_PlatformThreeMinutesCustomFive(string? metricNamespace, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), MetricIngestion.DefaultFor(metricNamespace));
    }

    [Fact]
    public void Parse_RuleWithIngestionLatency_ItsRequestsUseIt()
    {
        var policy = PolicyDocument.Parse(WithLatency("PT10M"));

        Assert.True(policy.IsValid, string.Join("; ", policy.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var request = policy.Policy!.Rules[0].Trigger.ToRequest(policy.Policy.Target.ResourceId);
        Assert.Equal(TimeSpan.FromMinutes(10), MetricIngestion.LatencyOf(request));
        Assert.Contains("\"ingestionLatency\": \"PT10M\"", PolicyDocument.Serialize(policy.Policy), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-PT1M")]
    [InlineData("PT2H")]
    public void Parse_IngestionLatencyOutOfRange_NamesTheField(string latency)
    {
        var policy = PolicyDocument.Parse(WithLatency(latency));

        var error = Assert.Single(policy.Errors);
        Assert.Equal("$.rules[0].trigger.ingestionLatency", error.Path);
        Assert.Contains("PT1H", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TargetTrackingAndEmergencyWithIngestionLatency_TheirRequestsUseIt()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", "vmss-flash-crowd.json")))!;
        document["emergency"]!["ingestionLatency"] = "PT7M";
        document["targetTracking"] = JsonNode.Parse("""
            [{ "name": "cpu-70", "metricName": "Percentage CPU", "statistic": "Average", "timeAggregation": "Average",
               "timeGrain": "PT1M", "timeWindow": "PT5M", "targetValue": 70, "ingestionLatency": "PT4M" }]
            """);

        var policy = PolicyDocument.Parse(document.ToJsonString());

        Assert.True(policy.IsValid, string.Join("; ", policy.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var requests = PolicyMetrics.Requests(policy.Policy!);
        var tracked = policy.Policy!.TargetTracking![0].AsTrigger().ToRequest(policy.Policy.Target.ResourceId);
        Assert.Equal(TimeSpan.FromMinutes(4), MetricIngestion.LatencyOf(Assert.Single(requests, r => r == tracked)));
        Assert.All(requests.Where(r => r.MetricName == "Network In Total"), r => Assert.Equal(TimeSpan.FromMinutes(7), MetricIngestion.LatencyOf(r)));
        Assert.Contains(requests, r => r.MetricName == "Network In Total");
    }

    [Fact]
    public void Parse_EmergencyIngestionLatencyOutOfRange_NamesTheField()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", "vmss-flash-crowd.json")))!;
        document["emergency"]!["ingestionLatency"] = "PT3H";

        var policy = PolicyDocument.Parse(document.ToJsonString());

        var error = Assert.Single(policy.Errors);
        Assert.Equal("$.emergency.ingestionLatency", error.Path);
    }

    private static string WithLatency(string latency)
    {
        var document = JsonNode.Parse(WebDefault)!;
        document["rules"]![0]!["trigger"]!["ingestionLatency"] = latency;
        return document.ToJsonString();
    }
}
