using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scalewise.Core.Redis;

namespace Scalewise.Simulator.Tests.Contracts;

/// <summary>Every request is checked against the official definition of its operation; a refusal names the field.</summary>
public sealed class StrictContractTests
{
    private const string Compute = "2023-07-01";
    private const string Redis = "2024-11-01";

    [Fact]
    public async Task Request_PathOfNoDefinedOperation_Is404()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (status, error) = await SendAsync(harness, HttpMethod.Get, Ids.Url($"/subscriptions/{Ids.Sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/a/b/c/d", Compute));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("InvalidResourceType", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_MethodTheDefinitionLacks_Is405NamingTheDefinedOnes()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();

        var (status, error) = await SendAsync(harness, HttpMethod.Delete, SimulatorHarness.Metrics(SimulatorHarness.ScaleSetId, SimulatorHarness.Epoch.AddHours(-1), SimulatorHarness.Epoch));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Contains("GET", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-03-01-preview")]
    [InlineData("2025-11-01")]
    public async Task Request_ApiVersionNotInTheDefinition_Is400NamingApiVersion(string apiVersion)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();

        var (status, error) = await SendAsync(harness, HttpMethod.Get, Ids.Url(SimulatorHarness.ScaleSetId, apiVersion));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidApiVersionParameter", error["code"]!.GetValue<string>());
        Assert.Equal("api-version", error["target"]!.GetValue<string>());
        Assert.Contains(Compute, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsBatch_WithoutRequiredMetricNamespace_Is400NamingIt()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();

        var (status, error) = await SendAsync(
            harness,
            HttpMethod.Post,
            $"subscriptions/{Ids.Sub}/metrics:getBatch?api-version=2024-02-01&metricnames=Percentage%20CPU",
            $$"""{"resourceids":["{{SimulatorHarness.ScaleSetId}}"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MissingRequiredParameter", error["code"]!.GetValue<string>());
        Assert.Equal("metricnamespace", error["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExportCache_WithoutBody_Is400NamingTheBodyParameter()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Premium, 1));

        var (status, error) = await SendAsync(harness, HttpMethod.Post, Ids.Url(Ids.Cache + "/export", Redis), string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("parameters", error["target"]!.GetValue<string>());
        Assert.Empty(harness.Simulator.Estate.GetRedisCache(Ids.Cache).Exports);
    }

    [Fact]
    public async Task ExportCache_WithoutRequiredContainer_Is400NamingContainer()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisCache(Ids.Cache, new RedisSku(RedisTier.Premium, 1));

        var (status, error) = await SendAsync(harness, HttpMethod.Post, Ids.Url(Ids.Cache + "/export", Redis), """{"prefix":"p","format":"RDB"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("container", error["target"]!.GetValue<string>());
        Assert.Contains("required", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sku":{"capacity":3,"size":"Standard_D2s_v3"}}""", "sku.size")]
    [InlineData("""{"Sku":{"capacity":3}}""", "Sku")]
    [InlineData("""{"virtualMachineProfile":{}}""", "virtualMachineProfile")]
    public async Task PatchScaleSet_UnknownProperty_Is400NamingItsPathAndCapacityUnchanged(string body, string field)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 2);

        using var response = await harness.PatchAsync(SimulatorHarness.ScaleSetId, body);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContent", error["code"]!.GetValue<string>());
        Assert.Equal(field, error["target"]!.GetValue<string>());
        Assert.Contains($"'{field}'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, scaleSet.Capacity);
    }

    [Fact]
    public async Task PatchVm_FlattenedClientShape_Is400PointingAtThePropertiesEnvelope()
    {
        // x-ms-client-flatten changes SDK models, not the wire: hardwareProfile lives under properties.
        await using var harness = await SimulatorHarness.StartAsync();
        var vm = harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);

        var (status, error) = await SendAsync(harness, HttpMethod.Patch, Ids.Url(Ids.Vm, Compute), """{"hardwareProfile":{"vmSize":"Standard_D4s_v3"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("hardwareProfile", error["target"]!.GetValue<string>());
        Assert.Contains("properties.hardwareProfile", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Standard_D2s_v3", vm.Size);
    }

    [Theory]
    [InlineData("""{"properties":{"hardwareProfile":{"vmSize":5}}}""", "properties.hardwareProfile.vmSize", "InvalidParameter")]
    [InlineData("""{"properties":{"storageProfile":{"osDisk":{"createOption":"FromImage","caching":"WriteBack"}}}}""", "properties.storageProfile.osDisk.caching", "InvalidParameter")]
    [InlineData("""{"properties":{"storageProfile":{"osDisk":{"caching":"ReadOnly"}}}}""", "properties.storageProfile.osDisk.createOption", "InvalidRequestContent")]
    [InlineData("""{"properties":{"storageProfile":{"dataDisks":[{"lun":0,"createOption":"Attach","toBeDetached":"yes"}]}}}""", "properties.storageProfile.dataDisks[0].toBeDetached", "InvalidParameter")]
    [InlineData("""{"tags":{"team":5}}""", "tags.team", "InvalidParameter")]
    public async Task PatchVm_ValueAgainstTheSchema_Is400NamingItsJsonPath(string body, string field, string code)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);

        var (status, error) = await SendAsync(harness, HttpMethod.Patch, Ids.Url(Ids.Vm, Compute), body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(field, error["target"]!.GetValue<string>());
        Assert.Contains(field, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"properties":{"storageProfile":{"osDisk":{"createOption":"fromimage","caching":"readwrite"}}},"tags":{"team":"web"}}""")]
    [InlineData("""{"properties":{"provisioningState":"Succeeded","vmId":"0f3a","hardwareProfile":{"vmSize":"Standard_D4s_v3"}}}""")]
    public async Task PatchVm_EnumsInAnyCaseAndReadOnlyProperties_Accepted(string body)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);

        var (status, error) = await SendAsync(harness, HttpMethod.Patch, Ids.Url(Ids.Vm, Compute), body);

        Assert.True(status == HttpStatusCode.OK, error.ToJsonString());
    }

    [Fact]
    public async Task GetCache_ResourceGroupAgainstItsPattern_Is400NamingResourceGroupName()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (status, error) = await SendAsync(harness, HttpMethod.Get, Ids.Url($"/subscriptions/{Ids.Sub}/resourceGroups/rg!cache/providers/Microsoft.Cache/redis/cache1", Redis));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("resourceGroupName", error["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetVm_ExpandOutsideItsClosedEnum_Is400NamingExpand()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);

        var (status, error) = await SendAsync(harness, HttpMethod.Get, Ids.Url(Ids.Vm, Compute, "$expand=instanceViews"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("$expand", error["target"]!.GetValue<string>());
        Assert.Contains("'instanceView'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutSnapshot_WithoutRequiredLocation_Is400NamingLocation()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddVirtualMachine(Ids.Vm);

        var (status, error) = await SendAsync(
            harness,
            HttpMethod.Put,
            Ids.Url(Ids.SnapshotGroup + "/snap1", "2023-04-02"),
            """{"properties":{"creationData":{"createOption":"Copy","sourceResourceId":"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-vm/providers/Microsoft.Compute/disks/vm1_OsDisk_1"}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("location", error["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchRedisEnterprise_StatusUrl_IsItsOwnDefinitionsOperationsStatusAndServed()
    {
        // Azure Cache for Redis's asyncOperations is defined at 2024-11-01 only; Managed Redis polls OperationsStatus_Get at 2025-08-01.
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Estate.AddRedisEnterprise(Ids.Cluster, "Balanced_B5");
        using var patch = await harness.Client.PatchAsync(
            new Uri(Ids.Url(Ids.Cluster, "2025-08-01"), UriKind.Relative),
            new StringContent("""{"sku":{"name":"Balanced_B10"}}""", Encoding.UTF8, "application/json"));
        var statusUrl = new Uri(Assert.Single(patch.Headers.GetValues("Azure-AsyncOperation")));

        var status = await harness.GetJsonAsync(statusUrl.PathAndQuery.TrimStart('/'));

        Assert.Contains("/operationsStatus/", statusUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("InProgress", status["status"]!.GetValue<string>());
    }

    private static async Task<(HttpStatusCode Status, JsonNode Error)> SendAsync(SimulatorHarness harness, HttpMethod method, string relative, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(relative, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await harness.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
        return (response.StatusCode, json["error"] ?? json);
    }
}
