using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Targets;
using Scalewise.Core.Redis;
using Scalewise.Tests;

namespace Scalewise.Azure.Tests.Contracts;

/// <summary>
/// The Redis and Managed Redis adapters fed each official example answer, in every status its definition allows, and their
/// requests checked against the definitions (method, path, api-version, body properties).
/// </summary>
public sealed partial class RedisContractTests
{
    private const string RedisSpec = "specification/redis/resource-manager/Microsoft.Cache/stable/2024-11-01/redis.json";
    private const string EnterpriseSpec = "specification/redisenterprise/resource-manager/Microsoft.Cache/stable/2025-08-01/redisenterprise.json";
    private const string Cache = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
    private const string Cluster = "/subscriptions/e7b5a9d2-6b6a-4d2f-9143-20d9a10f5b8f/resourceGroups/rg1/providers/Microsoft.Cache/redisEnterprise/cache1";

    [Fact]
    public async Task RedisGet_OfficialExample_ReadsSkuStateAndLocation()
    {
        var arm = new ExampleArm().Answer("GET", "/redis/cache1", 200, Body("redis/RedisCacheGet.json", "200"));
        using var connection = arm.Connect();

        var state = await Caches(connection).GetAsync(Cache, CancellationToken.None);

        Assert.Equal(new RedisSku(RedisTier.Premium, 3), state.Sku);
        Assert.Equal("Creating", state.ProvisioningState);
        AssertSent(arm, RedisSpec, "Redis_Get");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    public async Task RedisUpdate_EveryAnswerTheDefinitionAllows_IsAcceptedAndTheBodyFitsTheDefinition(int status)
    {
        var definition = OperationDefinition.Load(RedisSpec, "Redis_Update");
        Assert.Contains(status, definition.Statuses);
        var arm = new ExampleArm().Answer("PATCH", "/redis/cache1", status, Body("redis/RedisCacheUpdate.json", status.ToString(System.Globalization.CultureInfo.InvariantCulture)), Headers("redis/RedisCacheUpdate.json", status));
        using var connection = arm.Connect();

        await Caches(connection).BeginScaleAsync(Cache, new RedisSku(RedisTier.Premium, 2, 3), CancellationToken.None);

        var (method, uri, body) = Assert.Single(arm.Requests);
        definition.AssertAccepts(method, uri, body);
        Assert.Equal("Premium", (string?)JsonNode.Parse(body!)!["properties"]!["sku"]!["name"]);
    }

    [Fact]
    public void RedisUpdate_TopLevelSkuAzureWouldIgnore_IsRefusedByTheDefinitionCheck()
    {
        var definition = OperationDefinition.Load(RedisSpec, "Redis_Update");

        var error = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => definition.AssertAccepts("PATCH", new Uri("https://management.example.test" + Cache + "?api-version=2024-11-01"), "{\"sku\":{\"name\":\"Premium\",\"family\":\"P\",\"capacity\":2}}"));

        Assert.Contains("$.sku", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, null)]
    [InlineData(204, null)]
    [InlineData(202, "Location")]
    [InlineData(202, "Azure-AsyncOperation")]
    public async Task RedisExport_EveryAnswerTheDefinitionAllows_EndsSucceeded(int status, string? header)
    {
        var definition = OperationDefinition.Load(RedisSpec, "Redis_ExportData");
        Assert.Contains(status, definition.Statuses);
        var statusUrl = (string)Example("redis/RedisCacheExport.json")["responses"]!["202"]!["headers"]!["location"]!;
        var arm = new ExampleArm().Answer("POST", "/redis/cache1/export", status, headers: header is null ? null : new() { [header] = statusUrl });
        if (header == "Location")
        {
            arm.Answer("GET", "...pathToOperationResult...", 202).Answer("GET", "...pathToOperationResult...", 200);
        }
        else if (header is not null)
        {
            arm.Answer("GET", "...pathToOperationResult...", 200, Body("redis/RedisCacheAsyncOperationStatus.json", "200"));
        }

        using var connection = arm.Connect();
        var caches = Caches(connection);

        var url = await caches.BeginExportAsync(Cache, "datadump1", CancellationToken.None);
        var readings = new List<string>();
        while (url is not null && readings.Count < 3)
        {
            var reading = await caches.GetOperationAsync(url, CancellationToken.None);
            readings.Add(reading.Status);
            if (reading.IsTerminal)
            {
                break;
            }
        }

        Assert.Equal(header is null, url is null);
        Assert.Equal(header is null ? [] : header == "Location" ? ["InProgress", "Succeeded"] : (string[])["Succeeded"], readings);
        definition.AssertAccepts(arm.Requests[0].Method, arm.Requests[0].Uri, arm.Requests[0].Body);
    }

    [Fact]
    public async Task RedisEnterpriseGetAndListSkus_OfficialExamples_ReadSkuAndOptions()
    {
        var arm = new ExampleArm()
            .Answer("GET", "/redisEnterprise/cache1", 200, Body("redisenterprise/RedisEnterpriseGet.json", "200"))
            .Answer("POST", "/redisEnterprise/cache1/listSkusForScaling", 200, Body("redisenterprise/RedisEnterpriseListSkusForScaling.json", "200"));
        using var connection = arm.Connect();
        var clusters = new RedisEnterpriseController(connection, Options.Create(new ArmTargetOptions()), NullLogger<RedisEnterpriseController>.Instance);

        var state = await clusters.GetAsync(Cluster, CancellationToken.None);
        var skus = await clusters.ListSkusForScalingAsync(Cluster, CancellationToken.None);

        Assert.Equal(("EnterpriseFlash_F300", (int?)3), (state.SkuName, state.Capacity));
        Assert.Equal(["MemoryOptimized_M100", "ComputeOptimized_X700", "Balanced_B5"], skus.Select(s => s.Name));
        OperationDefinition.Load(EnterpriseSpec, "RedisEnterprise_Get").AssertAccepts(arm.Requests[0].Method, arm.Requests[0].Uri, arm.Requests[0].Body);
        OperationDefinition.Load(EnterpriseSpec, "RedisEnterprise_ListSkusForScaling").AssertAccepts(arm.Requests[1].Method, arm.Requests[1].Uri, arm.Requests[1].Body);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    public async Task RedisEnterpriseUpdate_EveryAnswerTheDefinitionAllows_IsAccepted(int status)
    {
        var definition = OperationDefinition.Load(EnterpriseSpec, "RedisEnterprise_Update");
        Assert.Contains(status, definition.Statuses);
        var arm = new ExampleArm().Answer("PATCH", "/redisEnterprise/cache1", status, status == 200 ? Body("redisenterprise/RedisEnterpriseUpdate.json", "200") : null, Headers("redisenterprise/RedisEnterpriseUpdate.json", status));
        using var connection = arm.Connect();
        var clusters = new RedisEnterpriseController(connection, Options.Create(new ArmTargetOptions()), NullLogger<RedisEnterpriseController>.Instance);

        await clusters.BeginUpdateSkuAsync(Cluster, "EnterpriseFlash_F300", 9, CancellationToken.None);

        var (method, uri, body) = Assert.Single(arm.Requests);
        definition.AssertAccepts(method, uri, body);
    }

    private static RedisCacheController Caches(Scalewise.Azure.Arm.ArmConnection connection) =>
        new(connection, Options.Create(new ArmTargetOptions { RedisExportContainer = new Uri("https://contosostorage.blob.core.windows.net/urltoBlobContainer?sasKeyParameters") }), NullLogger<RedisCacheController>.Instance);

    private static void AssertSent(ExampleArm arm, string spec, string operationId)
    {
        var (method, uri, body) = Assert.Single(arm.Requests);
        OperationDefinition.Load(spec, operationId).AssertAccepts(method, uri, body);
    }

    internal static JsonNode Example(string path) => JsonNode.Parse(File.ReadAllText(RepositoryFiles.RestExample(path)))!;

    /// <summary>
    /// The example's response body, its <c>{placeholder}</c>s filled (the examples write <c>{subscription-id}</c> where a GUID
    /// goes and <c>http://{myStorageAccount}.blob...</c>, which no client can parse): a subscription id becomes a GUID, any
    /// other placeholder its name without punctuation.
    /// </summary>
    internal static JsonNode? Body(string path, string status)
    {
        var body = Example(path)["responses"]![status]?["body"];
        return body is null ? null : JsonNode.Parse(Placeholder().Replace(body.ToJsonString(), m =>
            m.Groups[1].Value == "subscription-id" ? "00000000-0000-0000-0000-000000000001" : string.Concat(m.Groups[1].Value.Where(char.IsLetterOrDigit))));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([A-Za-z0-9-]+)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    internal static Dictionary<string, string>? Headers(string path, int status) =>
        Example(path)["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["headers"]?.AsObject().ToDictionary(h => h.Key, h => (string)h.Value!);
}
