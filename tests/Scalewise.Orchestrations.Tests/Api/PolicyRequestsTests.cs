using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Serialization;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Orchestrations.Tests.Api;

/// <summary>The policy HTTP handlers over the real Table Storage store (Azurite).</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class PolicyRequestsTests(LocalEstateFixture estate)
{
    private PolicyRequests Requests => estate.Services.GetRequiredService<PolicyRequests>();

    [Fact]
    public async Task PutAsync_NewPolicyWithoutIdInBody_Returns201WithETagAndGetServesIt()
    {
        var id = NewId();
        var body = Document(id, maximum: 8);
        body.Remove("id");

        var put = await Requests.PutAsync(id, body.ToJsonString(), ifMatch: null, ifNoneMatch: null, CancellationToken.None);
        var get = await Requests.GetAsync(id, CancellationToken.None);

        Assert.Equal(201, put.Status);
        Assert.Equal($"/api/policies/{id}", put.Location);
        Assert.False(string.IsNullOrEmpty(put.ETag));
        Assert.Equal(200, get.Status);
        Assert.Equal(put.ETag, get.ETag);
        var policy = PolicyDocument.Parse(get.Body!);
        Assert.True(policy.IsValid);
        Assert.Equal(id, policy.Policy!.Id);
        Assert.Equal(8, policy.Policy.Capacity.Maximum);
    }

    [Fact]
    public async Task PutAsync_ExistingPolicyWithoutConditions_Replaces200AndKeepsTheEarlierVersion()
    {
        var id = NewId();
        await Requests.PutAsync(id, Document(id, maximum: 8).ToJsonString(), null, null, CancellationToken.None);

        var second = await Requests.PutAsync(id, Document(id, maximum: 9).ToJsonString(), null, null, CancellationToken.None);
        var versions = await Requests.ListVersionsAsync(id, CancellationToken.None);

        Assert.Equal(200, second.Status);
        Assert.Equal([9, 8], Entries(versions).Select(e => e.Policy.Capacity.Maximum));
    }

    [Theory]
    [InlineData("\"other-id\"")]
    [InlineData("42")]
    public async Task PutAsync_BodyIdDiffersFromRoute_Returns400NamingId(string bodyId)
    {
        var id = NewId();
        var body = Document(id);
        body["id"] = JsonNode.Parse(bodyId);

        var put = await Requests.PutAsync(id, body.ToJsonString(), null, null, CancellationToken.None);

        var problem = Problem(put, 400);
        Assert.Equal("id", problem.Field);
        Assert.Contains(id, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(404, (await Requests.GetAsync(id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task PutAsync_InvalidPolicy_Returns400ListingEveryErrorWithItsPath()
    {
        var id = NewId();
        var body = Document(id);
        body["capacity"]!["minimum"] = 12;
        body["rules"]![0]!["trigger"]!["metricName"] = "";
        body["rules"]![0]!["action"]!["changeCount"] = 0;

        var put = await Requests.PutAsync(id, body.ToJsonString(), null, null, CancellationToken.None);

        var problem = Problem(put, 400);
        var paths = problem.Errors!.Select(e => e.Path).ToList();
        Assert.Contains("$.capacity.minimum", paths);
        Assert.Contains("$.rules[0].trigger.metricName", paths);
        Assert.Contains("$.rules[0].action.changeCount", paths);
        Assert.All(problem.Errors!, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(problem.Errors![0].Path, problem.Field);
        Assert.Equal(404, (await Requests.GetAsync(id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task PutAsync_UnknownFieldAndNotJson_Return400WithThePath()
    {
        var id = NewId();
        var body = Document(id);
        body["colour"] = "blue";

        var unknown = Problem(await Requests.PutAsync(id, body.ToJsonString(), null, null, CancellationToken.None), 400);
        var broken = Problem(await Requests.PutAsync(id, "{\"version\": 1,", null, null, CancellationToken.None), 400);

        Assert.Contains(unknown.Errors!, e => e.Path == "$.colour");
        Assert.NotEmpty(broken.Errors!);
    }

    [Fact]
    public async Task PutAsync_StaleIfMatch_Returns412AndKeepsTheNewerPolicy()
    {
        var id = NewId();
        var created = await Requests.PutAsync(id, Document(id, maximum: 8).ToJsonString(), null, null, CancellationToken.None);
        var updated = await Requests.PutAsync(id, Document(id, maximum: 9).ToJsonString(), created.ETag, null, CancellationToken.None);

        var stale = await Requests.PutAsync(id, Document(id, maximum: 20).ToJsonString(), created.ETag, null, CancellationToken.None);

        Assert.Equal(200, updated.Status);
        Assert.Equal("If-Match", Problem(stale, 412).Field);
        Assert.Equal(9, PolicyDocument.Parse((await Requests.GetAsync(id, CancellationToken.None)).Body!).Policy!.Capacity.Maximum);
    }

    [Fact]
    public async Task PutAsync_IfMatchOnMissingPolicy_Returns412()
    {
        var id = NewId();

        var put = await Requests.PutAsync(id, Document(id).ToJsonString(), "*", null, CancellationToken.None);

        Problem(put, 412);
        Assert.Equal(404, (await Requests.GetAsync(id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task PutAsync_IfNoneMatchStar_CreatesOnceThenReturns412()
    {
        var id = NewId();

        var first = await Requests.PutAsync(id, Document(id, maximum: 8).ToJsonString(), null, "*", CancellationToken.None);
        var second = await Requests.PutAsync(id, Document(id, maximum: 30).ToJsonString(), null, "*", CancellationToken.None);

        Assert.Equal(201, first.Status);
        Assert.Equal("If-None-Match", Problem(second, 412).Field);
        Assert.Equal(first.ETag, (await Requests.GetAsync(id, CancellationToken.None)).ETag);
    }

    [Fact]
    public async Task PutAsync_ConcurrentPutsWithTheSameETag_OneWinsTheOtherGets412AndNothingIsLost()
    {
        var id = NewId();
        var created = await Requests.PutAsync(id, Document(id, maximum: 8).ToJsonString(), null, null, CancellationToken.None);

        var puts = await Task.WhenAll(new[] { 11, 12 }.Select(maximum =>
            Task.Run(() => Requests.PutAsync(id, Document(id, maximum).ToJsonString(), created.ETag, null, CancellationToken.None))));

        var winner = Assert.Single(puts, p => p.Status == 200);
        Assert.Single(puts, p => p.Status == 412);
        var current = await Requests.GetAsync(id, CancellationToken.None);
        Assert.Equal(winner.ETag, current.ETag);
        var winningMaximum = PolicyDocument.Parse(winner.Body!).Policy!.Capacity.Maximum;
        Assert.Equal([winningMaximum, 8], Entries(await Requests.ListVersionsAsync(id, CancellationToken.None)).Select(e => e.Policy.Capacity.Maximum));
    }

    [Fact]
    public async Task DeleteAsync_ExistingPolicy_Returns204ThenGetIs404AndVersionsStayListed()
    {
        var id = NewId();
        var created = await Requests.PutAsync(id, Document(id, maximum: 8).ToJsonString(), null, null, CancellationToken.None);

        var deleted = await Requests.DeleteAsync(id, created.ETag, CancellationToken.None);

        Assert.Equal(204, deleted.Status);
        Assert.Equal("id", Problem(await Requests.GetAsync(id, CancellationToken.None), 404).Field);
        Assert.DoesNotContain(Entries(await Requests.ListAsync(CancellationToken.None)), e => e.Id == id);
        var versions = Entries(await Requests.ListVersionsAsync(id, CancellationToken.None));
        Assert.Equal(8, Assert.Single(versions).Policy.Capacity.Maximum);
    }

    [Fact]
    public async Task DeleteAsync_StaleIfMatch_Returns412AndKeepsThePolicy()
    {
        var id = NewId();
        var created = await Requests.PutAsync(id, Document(id, maximum: 8).ToJsonString(), null, null, CancellationToken.None);
        await Requests.PutAsync(id, Document(id, maximum: 9).ToJsonString(), created.ETag, null, CancellationToken.None);

        var deleted = await Requests.DeleteAsync(id, created.ETag, CancellationToken.None);

        Assert.Equal("If-Match", Problem(deleted, 412).Field);
        Assert.Equal(200, (await Requests.GetAsync(id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task DeleteAsync_UnknownPolicy_Returns404()
    {
        Assert.Equal("id", Problem(await Requests.DeleteAsync(NewId(), null, CancellationToken.None), 404).Field);
    }

    [Fact]
    public async Task ListAsync_StoredPolicies_ListsEachWithItsETag()
    {
        var id = NewId();
        var created = await Requests.PutAsync(id, Document(id).ToJsonString(), null, null, CancellationToken.None);

        var list = await Requests.ListAsync(CancellationToken.None);

        Assert.Equal(200, list.Status);
        Assert.Equal(created.ETag, Assert.Single(Entries(list), e => e.Id == id).ETag);
    }

    [Fact]
    public async Task ListVersionsAsync_NeverStored_Returns404()
    {
        Assert.Equal(404, (await Requests.ListVersionsAsync(NewId(), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task PutAsync_SecondPolicyOnTheSameResource_Returns409NamingTheFirstAndStoresNothing()
    {
        var first = NewId();
        var second = NewId();
        await Requests.PutAsync(first, Document(first).ToJsonString(), null, null, CancellationToken.None);
        var body = Document(second);
        body["target"]!["resourceId"] = Document(first)["target"]!["resourceId"]!.GetValue<string>().ToUpperInvariant();

        var put = await Requests.PutAsync(second, body.ToJsonString(), null, null, CancellationToken.None);

        var problem = Problem(put, 409);
        Assert.Equal("$.target.resourceId", problem.Field);
        Assert.Contains($"Policy '{first}' already scales", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(404, (await Requests.GetAsync(second, CancellationToken.None)).Status);
        Assert.Equal(200, (await Requests.PutAsync(first, Document(first, maximum: 9).ToJsonString(), null, null, CancellationToken.None)).Status);
    }

    [Fact]
    public void Validate_ValidDocument_Returns200ValidTrue()
    {
        var response = PolicyRequests.Validate(Document(NewId()).ToJsonString());

        Assert.Equal(200, response.Status);
        Assert.True(JsonDocument.Parse(response.Body!).RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void Validate_InvalidDocument_Returns400ProblemWithEveryError()
    {
        var body = Document(NewId());
        body["warmUp"] = "PT5H";
        body["capacity"]!["maximum"] = 5000;

        var response = PolicyRequests.Validate(body.ToJsonString());

        Assert.Equal(ApiProblem.ContentType, response.ContentType);
        var problem = Problem(response, 400);
        Assert.Equal(["$.capacity.maximum", "$.warmUp"], problem.Errors!.Select(e => e.Path).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(response.Body!);
        Assert.Equal("$.warmUp", json.RootElement.GetProperty("errors").EnumerateArray().Last().GetProperty("path").GetString());
    }

    private static string NewId() => "pol-" + Guid.NewGuid().ToString("N")[..12];

    private static JsonObject Document(string id, int maximum = 10)
    {
        var policy = new ScalingPolicy(
            ScalingPolicy.CurrentVersion,
            id,
            new ScaleTarget(TargetKind.VirtualMachineScaleSet, $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Compute/virtualMachineScaleSets/{id}"),
            new CapacityBounds(1, maximum, 2),
            [
                new ScalingRule(
                    "cpu-high",
                    new MetricTrigger("Percentage CPU", null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 75),
                    new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5))),
            ],
            TimeSpan.FromMinutes(2));
        return JsonNode.Parse(PolicyDocument.Serialize(policy))!.AsObject();
    }

    private static ApiProblem Problem(ApiResponse response, int status)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(ApiProblem.ContentType, response.ContentType);
        return JsonSerializer.Deserialize<ApiProblem>(response.Body!, ScalewiseJson.Options)!;
    }

    private static IReadOnlyList<PolicyEntry> Entries(ApiResponse response)
    {
        Assert.Equal(200, response.Status);
        return JsonSerializer.Deserialize<PolicyList>(response.Body!, ScalewiseJson.Options)!.Value;
    }
}
