using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Redis;
using Scalewise.Simulator.Operations;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.RedisEnterprise;

namespace Scalewise.Azure.Tests.Targets;

/// <summary>
/// The Redis adapters against the simulator answering Redis_Update and RedisEnterprise_Update in every form their definitions
/// document: the adapter reaches the new SKU through the resource's GET, and the status URL the form hands out (where it has one)
/// leads to the end state too.
/// </summary>
public sealed class RedisLongRunningFormTests
{
    [Theory]
    [InlineData(LongRunningForm.OkWhileRunning)]
    [InlineData(LongRunningForm.Location)]
    public async Task RedisUpdate_EachDocumentedForm_AdapterReachesTheNewSkuAndLocationEndsWithTheCache(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(TargetIds.Cache, new RedisSku(RedisTier.Standard, 1), new RedisCacheModel(ScalingDelayPerShard: TimeSpan.FromMinutes(10), UpdateForm: form));
        var controller = new RedisCacheController(harness.Connection, Options.Create(new ArmTargetOptions()), NullLogger<RedisCacheController>.Instance);

        await controller.BeginScaleAsync(TargetIds.Cache, new RedisSku(RedisTier.Standard, 2), CancellationToken.None);
        var during = await controller.GetAsync(TargetIds.Cache, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var after = await controller.GetAsync(TargetIds.Cache, CancellationToken.None);
        var (started, _) = await SendAsync(harness, RequestMethod.Patch, TargetIds.Cache, RedisCacheController.ApiVersion, """{"properties":{"sku":{"name":"Standard","family":"C","capacity":3}}}""");
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var final = form == LongRunningForm.Location ? await SendAsync(harness, started.Headers.GetValueOrDefault("Location", string.Empty)) : default;

        Assert.Equal(("Scaling", new RedisSku(RedisTier.Standard, 1)), (during.ProvisioningState, during.Sku));
        Assert.Equal(("Succeeded", new RedisSku(RedisTier.Standard, 2)), (after.ProvisioningState, after.Sku));
        Assert.Equal(form == LongRunningForm.Location ? 202 : 200, started.Status);
        Assert.False(started.Headers.ContainsKey("Azure-AsyncOperation"));
        if (form == LongRunningForm.Location)
        {
            Assert.Equal(200, final.Response.Status);
            Assert.Equal(3, final.Body?["properties"]?["sku"]?["capacity"]?.GetValue<int>());
        }
    }

    [Theory]
    [InlineData(LongRunningForm.OkWithAzureAsyncOperation)]
    [InlineData(LongRunningForm.OkWhileRunning)]
    [InlineData(LongRunningForm.AcceptedWithBoth)]
    public async Task RedisEnterpriseUpdate_EachDocumentedForm_AdapterReachesTheNewSkuAndStatusUrlSucceeds(LongRunningForm form)
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Simulator.Estate.AddRedisEnterprise(TargetIds.Cluster, "Balanced_B5", model: new RedisEnterpriseModel(ScalingDelay: TimeSpan.FromMinutes(15), UpdateForm: form));
        var controller = new RedisEnterpriseController(harness.Connection, Options.Create(new ArmTargetOptions()), NullLogger<RedisEnterpriseController>.Instance);

        await controller.BeginUpdateSkuAsync(TargetIds.Cluster, "Balanced_B10", null, CancellationToken.None);
        var during = await controller.GetAsync(TargetIds.Cluster, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var after = await controller.GetAsync(TargetIds.Cluster, CancellationToken.None);
        var (started, _) = await SendAsync(harness, RequestMethod.Patch, TargetIds.Cluster, RedisEnterpriseController.ApiVersion, """{"sku":{"name":"Balanced_B20"}}""");
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var status = started.Headers.TryGetValue("Azure-AsyncOperation", out var url) ? await SendAsync(harness, url) : default;

        Assert.Equal("Updating", during.ProvisioningState);
        Assert.Equal(("Balanced_B10", "Running"), (after.SkuName, after.ResourceState));
        Assert.Equal(
            form switch { LongRunningForm.AcceptedWithBoth => (202, true, true), LongRunningForm.OkWithAzureAsyncOperation => (200, true, false), _ => (200, false, false) },
            (started.Status, started.Headers.ContainsKey("Azure-AsyncOperation"), started.Headers.ContainsKey("Location")));
        if (form != LongRunningForm.OkWhileRunning)
        {
            Assert.Equal("Succeeded", status.Body?["status"]?.GetValue<string>());
        }
    }

    private static Task<(Answer Response, JsonNode? Body)> SendAsync(AdapterHarness harness, RequestMethod method, string resourceId, string apiVersion, string body) =>
        SendAsync(harness, new Uri(harness.Simulator.BaseUri, resourceId.TrimStart('/') + "?api-version=" + apiVersion).AbsoluteUri, method, body);

    private static async Task<(Answer Response, JsonNode? Body)> SendAsync(AdapterHarness harness, string url, RequestMethod? method = null, string? body = null)
    {
        using var message = harness.Connection.MonitorPipeline.CreateMessage();
        message.Request.Method = method ?? RequestMethod.Get;
        message.Request.Uri.Reset(new Uri(url));
        if (body is not null)
        {
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(BinaryData.FromString(body));
        }

        await harness.Connection.MonitorPipeline.SendAsync(message, CancellationToken.None);
        var headers = message.Response.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var text = message.Response.Content.ToString();
        return (new Answer(message.Response.Status, headers), string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>The status and headers of one answer, kept after its message is gone.</summary>
    private sealed record Answer(int Status, Dictionary<string, string> Headers);
}
