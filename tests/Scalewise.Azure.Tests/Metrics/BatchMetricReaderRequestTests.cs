using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Azure.Metrics;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Tests.Metrics;

public sealed class BatchMetricReaderRequestTests
{
    private const string Subscription = "12345678-abcd-1234-abcd-123456789abc";
    private const string Storage1 = "/subscriptions/" + Subscription + "/resourceGroups/TestGroup/providers/Microsoft.Storage/storageAccounts/TestStorage1";
    private const string Storage2 = "/subscriptions/" + Subscription + "/resourceGroups/TestGroup/providers/Microsoft.Storage/storageAccounts/TestStorage2";
    private static readonly DateTimeOffset ExampleEnd = new(2023, 2, 1, 23, 0, 0, TimeSpan.Zero);

    private static MetricRequest Storage(string id, string name) =>
        new(id, name, "Microsoft.Storage/storageAccounts", TimeAggregation.Average, TimeSpan.FromMinutes(15), TimeSpan.FromHours(3));

    private static MetricRequest Cpu(string id, TimeSpan? window = null) =>
        new(id, "Percentage CPU", "Microsoft.Compute/virtualMachineScaleSets", TimeAggregation.Average, TimeSpan.FromMinutes(1), window ?? TimeSpan.FromMinutes(5));

    private static string ScaleSet(string subscription, int index) =>
        $"/subscriptions/{subscription}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-{index}";

    [Fact]
    public async Task ReadAsync_OfficialBatchExample_PostsResourceIdsAndParsesEveryResource()
    {
        using var example = RestExampleDocuments.Load("monitor-dataplane/MetricBatchExample.json");
        var monitor = new StandInMonitor(_ => RestExampleDocuments.ResponseBody(example).GetRawText());
        var reader = CreateReader(monitor, "https://eastus.metrics.example.test");
        MetricRequest[] requests = [Storage(Storage1, "Ingress"), Storage(Storage1, "Egress"), Storage(Storage2, "Ingress")];

        var windows = await reader.ReadAsync(requests, ExampleEnd, CancellationToken.None);

        Assert.Equal(requests, windows.Select(w => w.Request));
        Assert.Equal(12, windows[0].Points.Count);
        Assert.Equal(437, windows[0].Points[0].Value);
        Assert.Equal(new DateTimeOffset(2023, 2, 1, 20, 0, 0, TimeSpan.Zero), windows[0].Points[0].TimeStamp);
        Assert.Equal(361, windows[1].Points[0].Value);
        Assert.Equal(12, windows[2].Points.Count);
        Assert.Equal([330.0], windows[2].Points.Where(p => p.Value.HasValue).Select(p => p.Value!.Value));

        var call = Assert.Single(monitor.Calls);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal($"https://eastus.metrics.example.test/subscriptions/{Subscription}/metrics:getBatch", call.Uri.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(call.Uri.Query);
        Assert.Equal("2024-02-01", query["api-version"]);
        Assert.Equal("Microsoft.Storage/storageAccounts", query["metricnamespace"]);
        Assert.Equal("Ingress,Egress", query["metricnames"]);
        Assert.Equal("PT15M", query["interval"]);
        Assert.Equal("Average", query["aggregation"]);
        Assert.Equal("2023-02-01T20:00:00.0000000Z", query["starttime"]);
        Assert.Equal("2023-02-01T23:00:00.0000000Z", query["endtime"]);
        Assert.Equal([Storage1, Storage2], call.ResourceIds);
        Contracts.OperationDefinition.Load("specification/monitor/data-plane/Microsoft.Insights/stable/2024-02-01/metricBatch.json", "Batch").AssertAccepts(call.Method.Method, call.Uri, call.Body);
    }

    [Fact]
    public async Task ReadAsync_ManyResourcesOfTwoSubscriptionsAndALoneOne_GroupsByFiftyPerSubscriptionAndReadsTheLoneOneThroughArm()
    {
        var monitor = new StandInMonitor(EchoEmptyBatch);
        var reader = CreateReader(monitor, "https://metrics.example.test");
        var first = Enumerable.Range(0, 120).Select(i => Cpu(ScaleSet("11111111-0000-0000-0000-000000000001", i)));
        var second = Enumerable.Range(0, 3).Select(i => Cpu(ScaleSet("22222222-0000-0000-0000-000000000002", i)));
        var lone = new MetricRequest(
            "/subscriptions/22222222-0000-0000-0000-000000000002/resourceGroups/rg/providers/Microsoft.Cache/redis/cache-1", "serverLoad", null, TimeAggregation.Maximum, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        MetricRequest[] requests = [.. first, lone, .. second];

        var windows = await reader.ReadAsync(requests, ExampleEnd, CancellationToken.None);

        Assert.Equal(requests, windows.Select(w => w.Request));
        var batches = monitor.Calls.Where(c => c.Method == HttpMethod.Post).ToList();
        Assert.Equal([50, 50, 20, 3], batches.Select(b => b.ResourceIds.Count).Order().Reverse());
        Assert.All(batches, b => Assert.Single(b.ResourceIds.Select(id => id.Split('/')[2]).Distinct()));
        Assert.All(batches, b => Assert.Contains(b.ResourceIds[0].Split('/')[2], b.Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(requests.Length - 1, batches.Sum(b => b.ResourceIds.Count));
        var arm = Assert.Single(monitor.Calls, c => c.Method == HttpMethod.Get);
        Assert.StartsWith("https://management.example.test" + lone.ResourceId + "/providers/Microsoft.Insights/metrics", arm.Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WindowsAggregationsAndMetricsOfOneGroup_AreOneCall()
    {
        var monitor = new StandInMonitor(EchoEmptyBatch);
        var reader = CreateReader(monitor, "https://metrics.example.test");
        var a = ScaleSet("11111111-0000-0000-0000-000000000001", 1);
        var b = ScaleSet("11111111-0000-0000-0000-000000000001", 2);
        MetricRequest[] requests =
        [
            Cpu(a), Cpu(a, TimeSpan.FromMinutes(10)) with { Aggregation = TimeAggregation.Maximum }, Cpu(b) with { MetricName = "Network In Total", Aggregation = TimeAggregation.Total },
        ];

        await reader.ReadAsync(requests, ExampleEnd, CancellationToken.None);

        var query = HttpUtility.ParseQueryString(Assert.Single(monitor.Calls).Uri.Query);
        Assert.Equal("Average,Maximum,Total", query["aggregation"]);
        Assert.Equal("Percentage CPU,Network In Total", query["metricnames"]);
        Assert.Equal("2023-02-01T22:50:00.0000000Z", query["starttime"]);
    }

    [Fact]
    public async Task ReadAsync_DimensionFilter_IsSentAsFilterAndSplitsGroups()
    {
        var monitor = new StandInMonitor(EchoEmptyBatch);
        var reader = CreateReader(monitor, "https://metrics.example.test");
        var ids = Enumerable.Range(0, 4).Select(i => ScaleSet("11111111-0000-0000-0000-000000000001", i)).ToList();
        var filter = "VMName eq 'vm0' or VMName eq 'vm1'";

        await reader.ReadAsync([.. ids.Select(id => Cpu(id)), .. ids.Select(id => Cpu(id) with { DimensionFilter = filter })], ExampleEnd, CancellationToken.None);

        Assert.Equal(2, monitor.Calls.Count);
        var filtered = HttpUtility.ParseQueryString(Assert.Single(monitor.Calls, c => HttpUtility.ParseQueryString(c.Uri.Query)["filter"] == filter).Uri.Query);
        Assert.Equal("1000", filtered["top"]);
        Assert.Contains("Count", filtered["aggregation"]!.Split(','));
    }

    [Fact]
    public async Task ReadAsync_WithIngestionLatency_BatchEndsAtTheLastWholeMinuteThreeMinutesAgo()
    {
        var monitor = new StandInMonitor(EchoEmptyBatch);
        var reader = CreateReader(monitor, "https://metrics.example.test", applyIngestionLatency: true);
        var ids = Enumerable.Range(0, 2).Select(i => ScaleSet("11111111-0000-0000-0000-000000000001", i)).ToList();

        await reader.ReadAsync([.. ids.Select(id => Cpu(id))], new DateTimeOffset(2026, 11, 24, 10, 7, 30, TimeSpan.Zero), CancellationToken.None);

        var query = HttpUtility.ParseQueryString(Assert.Single(monitor.Calls).Uri.Query);
        Assert.Equal("2026-11-24T10:04:00.0000000Z", query["endtime"]);
        Assert.Equal("2026-11-24T09:59:00.0000000Z", query["starttime"]);
    }

    [Fact]
    public async Task ReadAsync_RegionalEndpoint_ReadsThroughArmUntilTheRegionIsKnownThenBatchesThere()
    {
        var monitor = new StandInMonitor(request => request.Method == HttpMethod.Get ? "{\"value\":[],\"resourceregion\":\"westeurope\"}" : EchoEmptyBatch(request));
        var reader = CreateReader(monitor, MetricsOptions.DefaultBatchEndpoint);
        var requests = Enumerable.Range(0, 3).Select(i => Cpu(ScaleSet("11111111-0000-0000-0000-000000000001", i))).ToList();

        await reader.ReadAsync(requests, ExampleEnd, CancellationToken.None);
        var firstTick = monitor.Calls.ToList();
        monitor.Calls.Clear();
        await reader.ReadAsync(requests, ExampleEnd.AddMinutes(1), CancellationToken.None);

        Assert.Equal(3, firstTick.Count);
        Assert.All(firstTick, c => Assert.Equal("management.example.test", c.Uri.Host));
        var batch = Assert.Single(monitor.Calls);
        Assert.Equal("westeurope.metrics.monitor.azure.com", batch.Uri.Host);
    }

    [Fact]
    public async Task ReadAsync_BatchRefused_ThrowsNamingTheResourcesAndTheError()
    {
        var monitor = new StandInMonitor(_ => "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Resource ids must share one region.\"}}", HttpStatusCode.BadRequest);
        var reader = CreateReader(monitor, "https://metrics.example.test");

        var read = reader.ReadAsync([Cpu(ScaleSet("11111111-0000-0000-0000-000000000001", 1)), Cpu(ScaleSet("11111111-0000-0000-0000-000000000001", 2))], ExampleEnd, CancellationToken.None);

        var error = await Assert.ThrowsAsync<MetricReadException>(() => read);
        Assert.Equal(400, error.Status);
        Assert.Contains("2 resource(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource ids must share one region.", error.Message, StringComparison.Ordinal);
    }

    private static string EchoEmptyBatch(Call call) =>
        new JsonObject
        {
            ["values"] = new JsonArray([.. call.ResourceIds.Select(id => (JsonNode)new JsonObject { ["resourceid"] = id, ["value"] = new JsonArray() })]),
        }.ToJsonString();

    private static BatchMetricReader CreateReader(StandInMonitor monitor, string endpoint, bool applyIngestionLatency = false)
    {
        var options = new TestClientOptions { Transport = new HttpClientTransport(monitor) };
        options.Retry.MaxRetries = 0;
        var pipeline = HttpPipelineBuilder.Build(options);
        var arm = new AzureMonitorMetricReader(pipeline, new Uri("https://management.example.test/"), NullLogger<AzureMonitorMetricReader>.Instance);
        return new BatchMetricReader(pipeline, new MetricsOptions { UseBatch = true, BatchEndpoint = endpoint, ApplyIngestionLatency = applyIngestionLatency }, arm, NullLogger<BatchMetricReader>.Instance);
    }

    internal sealed record Call(HttpMethod Method, Uri Uri, IReadOnlyList<string> ResourceIds, string? Body = null);

    private sealed class TestClientOptions : global::Azure.Core.ClientOptions
    {
    }

    /// <summary>Stands in for Azure Monitor (outside the process): records each call and answers with the given body.</summary>
    private sealed class StandInMonitor(Func<Call, string> answer, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public List<Call> Calls { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var ids = new List<string>();
            var text = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            if (text is not null)
            {
                using var body = JsonDocument.Parse(text);
                ids.AddRange(body.RootElement.GetProperty("resourceids").EnumerateArray().Select(e => e.GetString()!));
            }

            var call = new Call(request.Method, request.RequestUri!, ids, text);
            lock (Calls)
            {
                Calls.Add(call);
            }

            return new HttpResponseMessage(status) { Content = new StringContent(answer(call), Encoding.UTF8, "application/json") };
        }
    }
}
