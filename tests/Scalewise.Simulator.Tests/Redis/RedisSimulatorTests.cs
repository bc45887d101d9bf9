using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scalewise.Core.Redis;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.Operations;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.RedisEnterprise;

namespace Scalewise.Simulator.Tests.Redis;

public sealed class RedisSimulatorTests
{
    private const string Api = "2024-11-01";

    [Fact]
    public async Task GetCache_Always_HasShapeOfRestExample()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Premium, 3));

        var body = await harness.GetJsonAsync(Ids.Url(Ids.Cache, Api));

        JsonShape.AssertCovers(
            RestExampleBodies.Response200Body("redis/RedisCacheGet.json"),
            body,
            "$.properties.linkedServers",
            "$.properties.privateEndpointConnections");
        Assert.Equal("Premium", body["properties"]!["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("P", body["properties"]!["sku"]!["family"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchCache_LargerSize_ScalesThenSucceedsAfterDelayPerShard()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Premium, 1, 2), new RedisCacheModel(ScalingDelayPerShard: TimeSpan.FromMinutes(10)));

        using var response = await PatchAsync(harness, Ids.Cache, """{"properties":{"sku":{"name":"Premium","family":"P","capacity":2}}}""");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonShape.AssertCovers(RestExampleBodies.Response200Body("redis/RedisCacheUpdate.json"), body, "$.properties.accessKeys");
        harness.Time.Advance(TimeSpan.FromMinutes(19));
        var during = (cache.ProvisioningState, cache.Sku);
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Scaling", body["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(("Scaling", new RedisSku(RedisTier.Premium, 1, 2)), during);
        Assert.Equal("Succeeded", cache.ProvisioningState);
        Assert.Equal(new RedisSku(RedisTier.Premium, 2, 2), cache.Sku);
    }

    [Fact]
    public async Task PatchCache_ShardCount_AddsShards()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Premium, 1, 1));

        using var response = await PatchAsync(harness, Ids.Cache, """{"properties":{"shardCount":3}}""");
        harness.Time.Advance(TimeSpan.FromHours(1));
        var body = await harness.GetJsonAsync(Ids.Url(Ids.Cache, Api));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body["properties"]!["shardCount"]!.GetValue<int>());
        Assert.Equal(3, cache.Sku.ShardCount);
    }

    [Theory]
    [InlineData("Standard", "C", 2, """{"properties":{"sku":{"name":"Basic","family":"C","capacity":2}}}""", "lower tier")]
    [InlineData("Basic", "C", 1, """{"properties":{"sku":{"name":"Standard","family":"C","capacity":2}}}""", "same size")]
    [InlineData("Basic", "C", 1, """{"properties":{"sku":{"name":"Premium","family":"P","capacity":1}}}""", "Standard first")]
    [InlineData("Standard", "C", 1, """{"properties":{"sku":{"name":"Standard","family":"C","capacity":0}}}""", "C0")]
    [InlineData("Standard", "C", 1, """{"properties":{"sku":{"name":"Premium","family":"P","capacity":1},"shardCount":2}}""", "same operation")]
    [InlineData("Standard", "C", 1, """{"properties":{"shardCount":2}}""", "Premium")]
    public async Task PatchCache_MoveAzureRefuses_Is400WithArmErrorAndNoChange(string tier, string family, int capacity, string patch, string says)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        RedisSku.TryParse(tier, family, capacity, null, out var sku, out _);
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, sku!);

        using var response = await PatchAsync(harness, Ids.Cache, patch);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", error["code"]!.GetValue<string>());
        Assert.Contains(says, error["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(sku, cache.Sku);
        Assert.Equal("Succeeded", cache.ProvisioningState);
    }

    [Fact]
    public async Task PatchCache_TopLevelSku_Is400NamingSkuAndCacheUnchanged()
    {
        // Redis_Update takes the SKU at properties.sku; Azure ignores a top-level sku, so the simulator refuses it.
        await using var harness = await SimulatorHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1));

        using var response = await PatchAsync(harness, Ids.Cache, """{"sku":{"name":"Standard","family":"C","capacity":2}}""");
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sku", error["target"]!.GetValue<string>());
        Assert.Contains("properties.sku", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new RedisSku(RedisTier.Standard, 1), cache.Sku);
        Assert.Equal("Succeeded", cache.ProvisioningState);
    }

    [Fact]
    public async Task PatchCache_WhileScaling_Is409Conflict()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1));

        using var first = await PatchAsync(harness, Ids.Cache, """{"properties":{"sku":{"name":"Standard","family":"C","capacity":2}}}""");
        using var second = await PatchAsync(harness, Ids.Cache, """{"properties":{"sku":{"name":"Standard","family":"C","capacity":3}}}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task ExportCache_AzureAsyncOperationForm_Is202ThenOperationSucceeds()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Premium, 1), new RedisCacheModel(ExportDuration: TimeSpan.FromMinutes(2), ExportForm: LongRunningForm.AzureAsyncOperation));
        var example = RestExampleBodies.Request("redis/RedisCacheExport.json")["parameters"]!["parameters"]!.ToJsonString();

        using var response = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Cache + "/export", Api), UriKind.Relative), new StringContent(example, Encoding.UTF8, "application/json"));
        var status = Assert.Single(response.Headers.GetValues("Azure-AsyncOperation"));
        var running = await harness.GetJsonAsync(new Uri(status).PathAndQuery.TrimStart('/'));
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var done = await harness.GetJsonAsync(new Uri(status).PathAndQuery.TrimStart('/'));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("InProgress", running["status"]!.GetValue<string>());
        Assert.Equal("Succeeded", done["status"]!.GetValue<string>());
        JsonShape.AssertCovers(RestExampleBodies.Response200Body("redis/RedisCacheAsyncOperationStatus.json"), done, "$.startTime", "$.endTime", "$.percentComplete");
        var export = Assert.Single(cache.Exports);
        Assert.Equal("datadump1", export.Prefix);
        Assert.Equal("Succeeded", export.Status);
    }

    [Fact]
    public async Task ExportCache_LocationForm_Is202WithLocationOnlyWhichAnswers202ThenNoContent()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Premium, 1), new RedisCacheModel(ExportDuration: TimeSpan.FromMinutes(2)));
        var example = RestExampleBodies.Request("redis/RedisCacheExport.json")["parameters"]!["parameters"]!.ToJsonString();

        using var response = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Cache + "/export", Api), UriKind.Relative), new StringContent(example, Encoding.UTF8, "application/json"));
        var location = response.Headers.Location!;
        using var running = await harness.Client.GetAsync(new Uri(location.PathAndQuery.TrimStart('/'), UriKind.Relative));
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        using var done = await harness.Client.GetAsync(new Uri(location.PathAndQuery.TrimStart('/'), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(response.Headers.Contains("Azure-AsyncOperation"));
        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
    }

    [Theory]
    [InlineData(LongRunningForm.Synchronous200, HttpStatusCode.OK)]
    [InlineData(LongRunningForm.Synchronous204, HttpStatusCode.NoContent)]
    public async Task ExportCache_SynchronousForm_AnswersDoneAtOnce(LongRunningForm form, HttpStatusCode expected)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Premium, 1), new RedisCacheModel(ExportForm: form));
        var example = RestExampleBodies.Request("redis/RedisCacheExport.json")["parameters"]!["parameters"]!.ToJsonString();

        using var response = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Cache + "/export", Api), UriKind.Relative), new StringContent(example, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("Succeeded", Assert.Single(cache.Exports).Status);
    }

    [Fact]
    public async Task ExportCache_Standard_Is400()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1));

        using var response = await harness.Client.PostAsync(
            new Uri(Ids.Url(Ids.Cache + "/export", Api), UriKind.Relative),
            new StringContent("""{"format":"RDB","prefix":"p","container":"https://a.blob.core.windows.net/c?sas"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_LoadAndSize_ServerLoadFallsAfterScaleUpAndMemoryFollowsDataset()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1), new RedisCacheModel(DatasetMegabytes: 512, ScalingDelayPerShard: TimeSpan.FromMinutes(5)));
        cache.SetLoad(new ConstantLoadProfile(8000));
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var before = harness.Time.GetUtcNow();
        using var patch = await PatchAsync(harness, Ids.Cache, """{"properties":{"sku":{"name":"Standard","family":"C","capacity":3}}}""");
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var now = harness.Time.GetUtcNow();

        var body = await harness.GetJsonAsync(
            $"{Ids.Cache.TrimStart('/')}/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=serverLoad,usedmemorypercentage,connectedclients"
            + $"&timespan={Uri.EscapeDataString($"{before.AddMinutes(-5):yyyy-MM-ddTHH:mm:ssZ}/{now:yyyy-MM-ddTHH:mm:ssZ}")}&interval=PT1M&aggregation=Average,Minimum,Maximum&metricnamespace=Microsoft.Cache/redis");
        JsonShape.AssertCovers(RestExampleBodies.Response200Body("monitor/GetMetric.json"), body, "$.value[].timeseries[].metadatavalues[]");
        var load = body["value"]![0]!["timeseries"]![0]!["data"]!.AsArray().Select(p => p!["average"]!.GetValue<double>()).ToList();
        var memory = body["value"]![1]!["timeseries"]![0]!["data"]!.AsArray().Select(p => p!["average"]!.GetValue<double>()).ToList();
        var clients = body["value"]![2]!["timeseries"]![0]!["data"]!.AsArray()[0]!["average"]!.GetValue<double>();

        Assert.Equal(82, load[0], 1);
        Assert.Equal(22, load[^1], 1);
        Assert.Equal(50, memory[0], 1);
        Assert.Equal(100.0 * 512 / 6144, memory[^1], 1);
        Assert.Equal(160, clients);
    }

    [Fact]
    public async Task Metrics_DatasetGrows_UsedMemoryRisesFromThenOnAndEarlierMinutesKeepTheirs()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1), new RedisCacheModel(DatasetMegabytes: 256));
        var start = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        cache.SetDatasetMegabytes(768);
        harness.Time.Advance(TimeSpan.FromMinutes(2));

        var body = await harness.GetJsonAsync(
            $"{Ids.Cache.TrimStart('/')}/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=usedmemorypercentage"
            + $"&timespan={Uri.EscapeDataString($"{start:yyyy-MM-ddTHH:mm:ssZ}/{start.AddMinutes(4):yyyy-MM-ddTHH:mm:ssZ}")}&interval=PT1M&aggregation=Average&metricnamespace=Microsoft.Cache/redis");

        var memory = body["value"]![0]!["timeseries"]![0]!["data"]!.AsArray().Select(p => p!["average"]!.GetValue<double>());
        Assert.Equal([25d, 25, 75, 75], memory); // of C1's 1024 MB
    }

    [Fact]
    public async Task Metrics_UnknownRedisMetric_Is400NamingValidMetrics()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1));

        using var response = await harness.Client.GetAsync(new Uri($"{Ids.Cache.TrimStart('/')}/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=cpu", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serverLoad", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisEnterprise_GetListSkusAndPatch_HaveShapesOfRestExamplesAndScale()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var cluster = harness.Simulator.Estate.AddRedisEnterprise(Ids.Cluster, "Balanced_B5", model: new RedisEnterpriseModel(ScalingDelay: TimeSpan.FromMinutes(15)));
        const string api = "2025-08-01";

        var get = await harness.GetJsonAsync(Ids.Url(Ids.Cluster, api));
        using var list = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Cluster + "/listSkusForScaling", api), UriKind.Relative), null);
        var skus = JsonNode.Parse(await list.Content.ReadAsStringAsync())!;
        using var patch = await PatchAsync(harness, Ids.Cluster, """{"sku":{"name":"Balanced_B10"}}""", api);
        var patched = JsonNode.Parse(await patch.Content.ReadAsStringAsync())!;
        harness.Time.Advance(TimeSpan.FromMinutes(15));

        JsonShape.AssertCovers(RestExampleBodies.Response200Body("redisenterprise/RedisEnterpriseGet.json"), get, "$.sku.capacity", "$.properties.privateEndpointConnections");
        JsonShape.AssertCovers(RestExampleBodies.Response200Body("redisenterprise/RedisEnterpriseListSkusForScaling.json"), skus);
        JsonShape.AssertCovers(RestExampleBodies.Response200Body("redisenterprise/RedisEnterpriseUpdate.json"), patched, "$.sku.capacity", "$.tags.tag1");
        Assert.Equal("Updating", patched["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.DoesNotContain(skus["skus"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "Balanced_B5");
        Assert.Equal("Balanced_B10", cluster.SkuName);
        Assert.Equal("Succeeded", cluster.ProvisioningState);
    }

    [Fact]
    public async Task RedisEnterprise_PatchToSkuNotListed_Is400()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisEnterprise(Ids.Cluster, "Balanced_B5", model: new RedisEnterpriseModel(SkusForScaling: [new("Balanced_B10", 12)]));

        using var patch = await PatchAsync(harness, Ids.Cluster, """{"sku":{"name":"Balanced_B100"}}""", "2025-08-01");

        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
    }

    internal static Task<HttpResponseMessage> PatchAsync(SimulatorHarness harness, string id, string body, string api = Api) =>
        harness.Client.PatchAsync(new Uri(Ids.Url(id, api), UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
