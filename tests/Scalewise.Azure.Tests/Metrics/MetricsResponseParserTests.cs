using Scalewise.Azure.Metrics;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Tests.Metrics;

public sealed class MetricsResponseParserTests
{
    [Fact]
    public void Parse_OfficialGetMetricExample_CombinesTierSeriesPerHour()
    {
        using var example = RestExampleDocuments.Load("monitor/GetMetric.json");

        var metrics = MetricsResponseParser.Parse(RestExampleDocuments.ResponseBody(example), TimeAggregation.Maximum);

        Assert.Equal(["BlobCount", "BlobCapacity"], metrics.Select(m => m.Name));
        var blobCount = metrics[0];
        Assert.True(blobCount.Succeeded);
        Assert.Equal(5, blobCount.Points.Count);
        Assert.Equal(new DateTimeOffset(2021, 4, 20, 9, 0, 0, TimeSpan.Zero), blobCount.Points[0].TimeStamp);
        Assert.Equal(new DateTimeOffset(2021, 4, 20, 13, 0, 0, TimeSpan.Zero), blobCount.Points[^1].TimeStamp);

        // Five tiers (Hot 7, Standard 2, the rest 0): the maximum over tiers is Hot's.
        Assert.All(blobCount.Points, p => Assert.Equal(7.0, p.Value));
    }

    [Fact]
    public void Parse_OfficialGetMetricExampleWithAverage_AveragesAcrossSeries()
    {
        using var example = RestExampleDocuments.Load("monitor/GetMetric.json");

        var metrics = MetricsResponseParser.Parse(RestExampleDocuments.ResponseBody(example), TimeAggregation.Average);

        Assert.Equal((7.0 + 2.0) / 5, metrics[0].Points[0].Value!.Value, 6);
    }

    [Fact]
    public void Parse_AverageOfSeriesWithCounts_IsWeightedBySamplesNotAMeanOfMeans()
    {
        const string Body = """
            {"value":[{"name":{"value":"ActiveMessages"},"errorCode":"Success","timeseries":[
              {"metadatavalues":[{"name":{"value":"EntityName"},"value":"orders"}],"data":[{"timeStamp":"2026-11-24T09:00:00Z","average":10,"count":1}]},
              {"metadatavalues":[{"name":{"value":"EntityName"},"value":"carts"}],"data":[{"timeStamp":"2026-11-24T09:00:00Z","average":40,"count":3}]}]}]}
            """;
        using var document = System.Text.Json.JsonDocument.Parse(Body);

        var metric = Assert.Single(MetricsResponseParser.Parse(document.RootElement, TimeAggregation.Average));

        Assert.Equal((10.0 + (40.0 * 3)) / 4, Assert.Single(metric.Points).Value);
    }

    [Fact]
    public void Parse_AggregationTheResponseLacks_YieldsPointsWithoutValues()
    {
        using var example = RestExampleDocuments.Load("monitor/GetMetric.json");

        var metrics = MetricsResponseParser.Parse(RestExampleDocuments.ResponseBody(example), TimeAggregation.Total);

        Assert.Equal(5, metrics[0].Points.Count);
        Assert.All(metrics[0].Points, p => Assert.Null(p.Value));
    }

    [Fact]
    public void Parse_OfficialGetMetricErrorExample_ReportsTheFailedMetricAndKeepsTheOther()
    {
        using var example = RestExampleDocuments.Load("monitor/GetMetricError.json");

        var metrics = MetricsResponseParser.Parse(RestExampleDocuments.ResponseBody(example), TimeAggregation.Average);

        var failed = metrics.Single(m => m.Name == "MongoRequestsCount");
        Assert.False(failed.Succeeded);
        Assert.Equal("InvalidSamplingType", failed.ErrorCode);
        Assert.Contains("Sampling type is not found", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(failed.Points);
        var ok = metrics.Single(m => m.Name == "MongoRequests");
        Assert.True(ok.Succeeded);
        Assert.Equal(0.0, Assert.Single(ok.Points).Value);
    }

    [Theory]
    [InlineData("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The resource was not found.\"}}", "ResourceNotFound", "The resource was not found.")]
    [InlineData("{\"code\":\"BadRequest\",\"message\":\"Failed to find metric configuration\"}", "BadRequest", "Failed to find metric configuration")]
    [InlineData("not json", null, null)]
    [InlineData("", null, null)]
    public void ParseError_ArmAndMonitorErrorBodies_ReturnCodeAndMessage(string body, string? code, string? message)
    {
        var (parsedCode, parsedMessage) = MetricsResponseParser.ParseError(body);

        Assert.Equal(code, parsedCode);
        Assert.Equal(message, parsedMessage);
    }
}
