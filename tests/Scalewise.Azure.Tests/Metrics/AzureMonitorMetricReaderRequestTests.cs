using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Azure.Metrics;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Tests.Metrics;

public sealed class AzureMonitorMetricReaderRequestTests
{
    private const string CosmosId = "/subscriptions/ac41e21f-afd6-4a79-8070-f01eba278f97/resourceGroups/todking/providers/Microsoft.DocumentDb/databaseAccounts/tk-cosmos-mongo";
    private static readonly DateTimeOffset End = new(2021, 6, 8, 1, 51, 0, TimeSpan.Zero);

    private static MetricRequest Request(string name) =>
        new(CosmosId, name, "microsoft.documentdb/databaseaccounts", TimeAggregation.Average, TimeSpan.FromHours(4), TimeSpan.FromHours(4));

    [Fact]
    public async Task ReadAsync_OneMetricFailsInsideA200_ReturnsEmptyWindowForItAndDataForTheOther()
    {
        using var example = RestExampleDocuments.Load("monitor/GetMetricError.json");
        var monitor = new StandInMonitor(HttpStatusCode.OK, RestExampleDocuments.ResponseBody(example).GetRawText());
        var reader = CreateReader(monitor);

        var windows = await reader.ReadAsync([Request("MongoRequestsCount"), Request("MongoRequests")], End, CancellationToken.None);

        Assert.Empty(windows[0].Points);
        Assert.Single(windows[1].Points);
        var uri = Assert.Single(monitor.Requests);
        Assert.StartsWith("https://management.example.test" + CosmosId + "/providers/Microsoft.Insights/metrics?", uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("api-version=2024-02-01", uri.Query, StringComparison.Ordinal);
        Assert.Contains("metricnames=MongoRequestsCount%2CMongoRequests", uri.Query, StringComparison.Ordinal);
        Assert.Contains("aggregation=Average", uri.Query, StringComparison.Ordinal);
        Assert.Contains("interval=PT4H", uri.Query, StringComparison.Ordinal);
        Assert.Contains("timespan=2021-06-07T21%3A51%3A00.0000000Z%2F2021-06-08T01%3A51%3A00.0000000Z", uri.Query, StringComparison.Ordinal);
        Contracts.OperationDefinition.Load("specification/monitor/resource-manager/Microsoft.Insights/stable/2024-02-01/metrics_API.json", "Metrics_List").AssertAccepts("GET", uri, null);
    }

    [Fact]
    public async Task ReadAsync_MetricNameWithSpaceAndComma_IsEscaped()
    {
        var monitor = new StandInMonitor(HttpStatusCode.OK, "{\"value\":[]}");
        var reader = CreateReader(monitor);

        var windows = await reader.ReadAsync([Request("Requests, Total"), Request("Percentage CPU")], End, CancellationToken.None);

        Assert.All(windows, w => Assert.Empty(w.Points));
        var query = Assert.Single(monitor.Requests).Query;
        Assert.Contains("metricnames=Requests%252%20Total%2CPercentage%20CPU", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DifferentWindows_AreSeparateCalls()
    {
        var monitor = new StandInMonitor(HttpStatusCode.OK, "{\"value\":[]}");
        var reader = CreateReader(monitor);

        await reader.ReadAsync([Request("A"), Request("B") with { Window = TimeSpan.FromHours(1) }, Request("C")], End, CancellationToken.None);

        Assert.Equal(2, monitor.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_RequestWithDimensionFilter_SendsArmFilter()
    {
        var monitor = new StandInMonitor(HttpStatusCode.OK, "{\"value\":[]}");
        var reader = CreateReader(monitor);

        await reader.ReadAsync([Request("MongoRequests") with { DimensionFilter = "CollectionName eq 'orders' or CollectionName eq 'carts'" }], End, CancellationToken.None);

        var uri = Assert.Single(monitor.Requests);
        Assert.Contains("$filter=CollectionName%20eq%20%27orders%27%20or%20CollectionName%20eq%20%27carts%27", uri.OriginalString, StringComparison.Ordinal);
        Assert.Equal("CollectionName eq 'orders' or CollectionName eq 'carts'", System.Web.HttpUtility.ParseQueryString(uri.Query)["$filter"]);
    }

    [Fact]
    public async Task ReadAsync_RequestWithDimensionFilter_AsksForEverySeriesAndTheirCounts()
    {
        var monitor = new StandInMonitor(HttpStatusCode.OK, "{\"value\":[]}");
        var reader = CreateReader(monitor);

        await reader.ReadAsync([Request("MongoRequests") with { DimensionFilter = "CollectionName eq '*'" }, Request("Plain")], End, CancellationToken.None);

        var filtered = System.Web.HttpUtility.ParseQueryString(monitor.Requests.Single(u => u.Query.Contains("filter", StringComparison.Ordinal)).Query);
        var plain = System.Web.HttpUtility.ParseQueryString(monitor.Requests.Single(u => !u.Query.Contains("filter", StringComparison.Ordinal)).Query);
        Assert.Equal("1000", filtered["top"]);
        Assert.Equal("Average,Count", filtered["aggregation"]);
        Assert.Null(plain["top"]);
        Assert.Equal("Average", plain["aggregation"]);
    }

    [Fact]
    public async Task ReadAsync_SameMetricWithDifferentFilters_AreSeparateCallsAndEachGetsItsWindow()
    {
        var monitor = new StandInMonitor(HttpStatusCode.OK, "{\"value\":[]}");
        var reader = CreateReader(monitor);
        var orders = Request("MongoRequests") with { DimensionFilter = "CollectionName eq 'orders'" };
        var carts = Request("MongoRequests") with { DimensionFilter = "CollectionName eq 'carts'" };

        var windows = await reader.ReadAsync([orders, carts, Request("MongoRequests")], End, CancellationToken.None);

        Assert.Equal(3, monitor.Requests.Count);
        Assert.Equal([orders, carts, Request("MongoRequests")], windows.Select(w => w.Request));
        Assert.Single(monitor.Requests, u => !u.Query.Contains("filter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ArmRefuses_ThrowsWithArmErrorCodeAndMessage()
    {
        var monitor = new StandInMonitor(HttpStatusCode.Forbidden, "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client does not have authorization.\"}}");
        var reader = CreateReader(monitor);

        var read = reader.ReadAsync([Request("MongoRequests")], End, CancellationToken.None);

        var error = await Assert.ThrowsAsync<MetricReadException>(() => read);
        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailed", error.ErrorCode);
        Assert.Contains("The client does not have authorization.", error.Message, StringComparison.Ordinal);
        Assert.Contains("tk-cosmos-mongo", error.Message, StringComparison.Ordinal);
        Assert.Contains("'MongoRequests'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManyResources_KeepsAtMostTheConfiguredCallsInFlightAndAnswersEveryRequest()
    {
        var monitor = new SlowMonitor();
        var options = new TestClientOptions { Transport = new HttpClientTransport(monitor) };
        options.Retry.MaxRetries = 0;
        var reader = new AzureMonitorMetricReader(HttpPipelineBuilder.Build(options), new Uri("https://management.example.test/"), NullLogger<AzureMonitorMetricReader>.Instance, maxConcurrentCalls: 4);
        var requests = Enumerable.Range(0, 60)
            .Select(i => new MetricRequest($"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-{i}", "Percentage CPU", null, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)))
            .ToList();

        var windows = await reader.ReadAsync(requests, End, CancellationToken.None);

        Assert.Equal(60, monitor.Calls);
        Assert.Equal(requests, windows.Select(w => w.Request));
        Assert.InRange(monitor.MostInFlight, 1, 4);
    }

    [Fact]
    public void Constructor_NoCallAllowed_IsRefusedWithTheParameterNamed()
    {
        var options = new TestClientOptions();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AzureMonitorMetricReader(HttpPipelineBuilder.Build(options), new Uri("https://management.example.test/"), NullLogger<AzureMonitorMetricReader>.Instance, maxConcurrentCalls: 0));
        Assert.Equal("maxConcurrentCalls", error.ParamName);
    }

    [Theory]
    [InlineData(null, 0, "2021-06-08T01:48:00.0000000Z")]
    [InlineData(null, 40, "2021-06-08T01:48:00.0000000Z")]
    [InlineData(10, 0, "2021-06-08T01:41:00.0000000Z")]
    public async Task ReadAsync_WithIngestionLatency_WindowEndsAtTheLastWholeMinuteThatLongAgo(int? latencyMinutes, int secondsPastMinute, string expectedEnd)
    {
        var monitor = new StandInMonitor(HttpStatusCode.OK, "{\"value\":[]}");
        var reader = CreateReader(monitor, applyIngestionLatency: true);
        var request = Request("MongoRequests") with { IngestionLatency = latencyMinutes is { } m ? TimeSpan.FromMinutes(m) : null };

        await reader.ReadAsync([request], End.AddSeconds(secondsPastMinute), CancellationToken.None);

        var timespan = System.Web.HttpUtility.ParseQueryString(Assert.Single(monitor.Requests).Query)["timespan"]!;
        Assert.EndsWith("/" + expectedEnd, timespan, StringComparison.Ordinal);
    }

    private static AzureMonitorMetricReader CreateReader(StandInMonitor monitor, bool applyIngestionLatency = false)
    {
        var options = new TestClientOptions { Transport = new HttpClientTransport(monitor) };
        options.Retry.MaxRetries = 0;
        return new AzureMonitorMetricReader(HttpPipelineBuilder.Build(options), new Uri("https://management.example.test/"), NullLogger<AzureMonitorMetricReader>.Instance, applyIngestionLatency: applyIngestionLatency);
    }

    private sealed class TestClientOptions : global::Azure.Core.ClientOptions
    {
    }

    /// <summary>
    /// Stands in for Azure Monitor (outside the process) with one canned answer. The reader sends its groups in parallel,
    /// so the calls are recorded in a concurrent queue (a plain list lost or broke entries under concurrent adds).
    /// </summary>
    private sealed class StandInMonitor(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public ConcurrentQueue<Uri> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    /// <summary>Stands in for a slow Azure Monitor and counts how many calls it has in flight at once.</summary>
    private sealed class SlowMonitor : HttpMessageHandler
    {
        private int inFlight;
        private int mostInFlight;
        private int calls;

        public int MostInFlight => Volatile.Read(ref mostInFlight);

        public int Calls => Volatile.Read(ref calls);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            var now = Interlocked.Increment(ref inFlight);
            int seen;
            while ((seen = Volatile.Read(ref mostInFlight)) < now && Interlocked.CompareExchange(ref mostInFlight, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(15), cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"value\":[]}", Encoding.UTF8, "application/json") };
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
