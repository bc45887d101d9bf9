using Scalewise.Simulator.Tests.Redis;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scalewise.Core.Redis;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Tests.Faults;

public sealed class FaultInjectionTests
{
    private const string ScaleUp = """{"properties":{"sku":{"name":"Standard","family":"C","capacity":2}}}""";

    [Fact]
    public async Task Throttle_MatchingPatch_Is429WithRetryAfterThenPasses()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Throttle("PATCH", Ids.Cache, TimeSpan.FromSeconds(7)));

        using var throttled = await RedisSimulatorTests.PatchAsync(harness, Ids.Cache, ScaleUp);
        using var next = await RedisSimulatorTests.PatchAsync(harness, Ids.Cache, ScaleUp);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal("TooManyRequests", JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Single(harness.Simulator.Estate.Faults.Injected);
        Assert.Empty(harness.Simulator.Estate.Faults.Pending);
    }

    [Fact]
    public async Task ServerError_Twice_Is500TwiceThenPasses()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ServerError("GET", Ids.Vm) with { Times = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await harness.Client.GetAsync(new Uri(Ids.Url(Ids.Vm, "2023-07-01"), UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Conflict_OnlyTheNamedAction_Is409OperationNotAllowed()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Conflict("POST", Ids.Vm, "deallocate"));

        using var get = await harness.Client.GetAsync(new Uri(Ids.Url(Ids.Vm, "2023-07-01"), UriKind.Relative));
        using var deallocate = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Vm + "/deallocate", "2023-07-01"), UriKind.Relative), null);
        var error = JsonNode.Parse(await deallocate.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deallocate.StatusCode);
        Assert.Equal("OperationNotAllowed", error["code"]!.GetValue<string>());
        Assert.Contains("Another operation is in progress", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SkuNotAvailable")]
    [InlineData("AllocationFailed")]
    [InlineData("ZonalAllocationFailed")]
    public async Task CapacityUnavailable_Is409WithTheCode(string code)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.CapacityUnavailable(code, "POST", Ids.Vm, "start"));

        using var start = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Vm + "/start", "2023-07-01"), UriKind.Relative), null);
        var error = JsonNode.Parse(await start.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Equal(code, error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task QuotaExceeded_Is409OperationNotAllowedWordedAsComputeQuota()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.QuotaExceeded("POST", Ids.Vm, "start"));

        using var start = await harness.Client.PostAsync(new Uri(Ids.Url(Ids.Vm + "/start", "2023-07-01"), UriKind.Relative), null);
        var error = JsonNode.Parse(await start.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Equal("OperationNotAllowed", error["code"]!.GetValue<string>());
        Assert.Contains("exceeding approved", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_LongerThanClient_ClientGivesUp()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Timeout("GET", Ids.Cache, TimeSpan.FromSeconds(30)));
        using var client = new HttpClient(SimulatorCertificateTrust.CreateHandler(harness.Simulator.CertificateThumbprint)) { BaseAddress = harness.Simulator.BaseUri };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "t");

        // The client gives up on the held request after half a second; the next request, with no such limit (a loaded
        // machine may take longer than that to open a new connection), is served as usual.
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync(new Uri(Ids.Url(Ids.Cache, "2024-11-01"), UriKind.Relative), giveUp.Token));
        }

        using var after = await client.GetAsync(new Uri(Ids.Url(Ids.Cache, "2024-11-01"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Timeout_ShorterThanClient_Is504()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.Timeout(null, Ids.Cache, TimeSpan.FromMilliseconds(50)));

        using var response = await harness.Client.GetAsync(new Uri(Ids.Url(Ids.Cache, "2024-11-01"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task ProvisioningFailed_RedisScale_EndsFailedAndKeepsOldSku()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var cache = harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Standard, 1));
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", Ids.Cache, string.Empty));

        using var patch = await RedisSimulatorTests.PatchAsync(harness, Ids.Cache, ScaleUp);
        var during = cache.ProvisioningState;
        harness.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Scaling", during);
        Assert.Equal("Failed", cache.ProvisioningState);
        Assert.Equal(new RedisSku(RedisTier.Standard, 1), cache.Sku);
    }

    [Fact]
    public async Task ProvisioningFailed_VmResize_OperationFailsAndSizeStays()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", Ids.Vm));

        using var patch = await harness.Client.PatchAsync(
            new Uri(Ids.Url(Ids.Vm, "2023-07-01"), UriKind.Relative),
            new StringContent("""{"properties":{"hardwareProfile":{"vmSize":"Standard_D4s_v3"}}}""", Encoding.UTF8, "application/json"));
        var operationUrl = Assert.Single(patch.Headers.GetValues("Azure-AsyncOperation"));
        harness.Time.Advance(TimeSpan.FromHours(1));
        var operation = await harness.GetJsonAsync(new Uri(operationUrl).PathAndQuery.TrimStart('/'));

        Assert.Equal("Failed", operation["status"]!.GetValue<string>());
        Assert.Equal("VMOperationFailed", operation["error"]!["code"]!.GetValue<string>());
        Assert.Equal(("Failed", "Standard_D2s_v3", "running"), (vm.ProvisioningState, vm.Size, vm.PowerState));
    }

    [Fact]
    public async Task ProvisioningFailed_ScaleSetPatch_NewInstancesFail()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 1);
        harness.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", SimulatorHarness.ScaleSetId));

        await harness.PatchCapacityAsync(3);
        harness.Time.Advance(ScaleSetModel.DefaultProvisioningDelay);

        Assert.Equal(1, scaleSet.ReadyInstances);
        Assert.Equal(3, scaleSet.Capacity);
    }

    [Fact]
    public void Enqueue_ZeroTimes_IsRefused()
    {
        var faults = new FaultInjector(TimeProvider.System);

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Enqueue(FaultRule.ServerError(null, Ids.Vm) with { Times = 0 }));
    }
}
