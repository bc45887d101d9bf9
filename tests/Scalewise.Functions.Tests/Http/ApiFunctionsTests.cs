using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Functions.Http;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Tests;

namespace Scalewise.Functions.Tests.Http;

/// <summary>
/// The production HTTP functions, called as the Functions host calls them (a real HttpContext and request body), against
/// Azurite, the estate simulator and the in-process Durable host: statuses, headers and problem+json bodies.
/// </summary>
public sealed class ApiFunctionsTests(LocalEstateFixture estate) : IClassFixture<LocalEstateFixture>
{
    private const string DurableStatusPath = "/runtime/webhooks/durabletask/instances/";

    private ApiFunctions Functions => ActivatorUtilities.CreateInstance<ApiFunctions>(estate.Services);

    private DurableTaskClient Client => estate.Host.Client;

    [Fact]
    public async Task RequestScale_ValidCapacity_Returns202WithTheDurableStatusLocation()
    {
        var (policy, _) = await estate.AddTargetAsync("http-202", capacity: 2);
        var call = new FunctionsHttpCall("POST", $"/api/targets/{policy.Id}/scale", """{"capacity": 3, "reason": "pre-warm"}""");

        var body = await call.CompleteAsync(await Functions.RequestScale(call.Request, policy.Id, Client));

        Assert.Equal(202, call.Response.StatusCode);
        var location = call.Response.Headers.Location.ToString();
        Assert.StartsWith($"https://scalewise-func.azurewebsites.net{DurableStatusPath}", location, StringComparison.Ordinal);
        using var payload = JsonDocument.Parse(body);
        Assert.Equal(location, Property(payload.RootElement, "statusQueryGetUri"));
        Assert.EndsWith(Property(payload.RootElement, "id"), location, StringComparison.Ordinal);
        await WaitForEndAsync(Property(payload.RootElement, "id"));
    }

    [Fact]
    public async Task RequestScale_WhileTheTargetsProcedureRuns_Returns409WithItsStatusLinks()
    {
        var (policy, _) = await estate.AddTargetAsync("http-409", capacity: 2);
        var first = new FunctionsHttpCall("POST", $"/api/targets/{policy.Id}/scale", """{"capacity": 3}""");
        await first.CompleteAsync(await Functions.RequestScale(first.Request, policy.Id, Client));
        var second = new FunctionsHttpCall("POST", $"/api/targets/{policy.Id}/scale", """{"capacity": 4}""");

        var body = await second.CompleteAsync(await Functions.RequestScale(second.Request, policy.Id, Client));

        Assert.Equal(409, second.Response.StatusCode);
        Assert.Equal(ApiProblem.ContentType, second.Response.ContentType);
        using var conflict = JsonDocument.Parse(body);
        Assert.Equal(first.Response.Headers.Location.ToString(), conflict.RootElement.GetProperty("statusQueryGetUri").GetString());
        Assert.Contains("/terminate", conflict.RootElement.GetProperty("terminatePostUri").GetString(), StringComparison.Ordinal);
        Assert.Contains("already running", conflict.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(409, conflict.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("target", conflict.RootElement.GetProperty("field").GetString());
        await WaitForEndAsync(conflict.RootElement.GetProperty("instanceId").GetString()!);
    }

    [Theory]
    [InlineData("""{"capacity": 50}""", "capacity")]
    [InlineData("""{"capacity": "lots"}""", "capacity")]
    [InlineData("""{"capacity": 3, "size": "large"}""", "size")]
    [InlineData("not json", "body")]
    public async Task RequestScale_InvalidRequest_Returns400ProblemNamingTheField(string requestBody, string field)
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("http-400", capacity: 2, maximum: 6);
        var call = new FunctionsHttpCall("POST", $"/api/targets/{policy.Id}/scale", requestBody);

        var body = await call.CompleteAsync(await Functions.RequestScale(call.Request, policy.Id, Client));

        ProblemAssert.Named(call, body, 400, field);
        Assert.Equal(2, scaleSet.Capacity);
    }

    [Fact]
    public async Task RequestScale_UnknownTarget_Returns404ProblemNamingTheTarget()
    {
        var call = new FunctionsHttpCall("POST", "/api/targets/nobody/scale", """{"capacity": 3}""");

        var body = await call.CompleteAsync(await Functions.RequestScale(call.Request, "nobody", Client));

        var problem = ProblemAssert.Named(call, body, 404, "target");
        Assert.Contains("'nobody'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutPolicy_ValidDocument_Returns201WithLocationAndETag()
    {
        var id = $"http-put-{Guid.NewGuid():N}"[..20];
        var call = new FunctionsHttpCall("PUT", $"/api/policies/{id}", PolicyDocument(), new Dictionary<string, string> { ["If-None-Match"] = "*" });

        var body = await call.CompleteAsync(await Functions.PutPolicy(call.Request, id));

        Assert.Equal(201, call.Response.StatusCode);
        Assert.Equal($"/api/policies/{id}", call.Response.Headers.Location.ToString());
        Assert.False(string.IsNullOrEmpty(call.Response.Headers.ETag.ToString()));
        Assert.Equal(ApiResponse.JsonContentType, call.Response.ContentType);
        using var stored = JsonDocument.Parse(body);
        Assert.Equal(id, stored.RootElement.GetProperty("id").GetString());

        var again = new FunctionsHttpCall("PUT", $"/api/policies/{id}", PolicyDocument(), new Dictionary<string, string> { ["If-None-Match"] = "*" });
        ProblemAssert.Named(again, await again.CompleteAsync(await Functions.PutPolicy(again.Request, id)), 412, "If-None-Match");
    }

    [Fact]
    public async Task PutPolicy_InvalidDocument_Returns400ProblemWithEveryErrorsPath()
    {
        var call = new FunctionsHttpCall("PUT", "/api/policies/http-invalid", PolicyDocument(extra: "\"colour\": 1,"));

        var body = await call.CompleteAsync(await Functions.PutPolicy(call.Request, "http-invalid"));

        var problem = ProblemAssert.Named(call, body, 400, "$.colour");
        Assert.Equal("$.colour", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task ApproveAndReject_UnknownProcedure_Return404ProblemNamingTheInstanceId()
    {
        var approve = new FunctionsHttpCall("POST", "/api/procedures/no-such-procedure/approve", """{"by": "alice@contoso.com"}""");
        var reject = new FunctionsHttpCall("POST", "/api/procedures/no-such-procedure/reject", """{"by": "alice@contoso.com"}""");

        var approved = await approve.CompleteAsync(await Functions.ApproveProcedure(approve.Request, "no-such-procedure", Client));
        var rejected = await reject.CompleteAsync(await Functions.RejectProcedure(reject.Request, "no-such-procedure", Client));

        ProblemAssert.Named(approve, approved, 404, "instanceId");
        ProblemAssert.Named(reject, rejected, 404, "instanceId");
    }

    [Fact]
    public async Task Approve_WithoutWhoApproves_Returns400ProblemNamingBy()
    {
        var call = new FunctionsHttpCall("POST", "/api/procedures/any/approve", """{"comment": "fine"}""");

        var body = await call.CompleteAsync(await Functions.ApproveProcedure(call.Request, "any", Client));

        ProblemAssert.Named(call, body, 400, "by");
    }

    [Fact]
    public async Task GetCapacityReports_LimitOutOfRange_Returns400ProblemNamingLimit()
    {
        var (policy, _) = await estate.AddTargetAsync("http-limit", capacity: 2);
        var call = new FunctionsHttpCall("GET", $"/api/targets/{policy.Id}/capacity-reports?limit=0");

        var body = await call.CompleteAsync(await Functions.GetCapacityReports(call.Request, policy.Id));

        ProblemAssert.Named(call, body, 400, "limit");
    }

    [Fact]
    public async Task GetTargetHistory_KnownTarget_Returns200Json()
    {
        var (policy, _) = await estate.AddTargetAsync("http-history", capacity: 2);
        var call = new FunctionsHttpCall("GET", $"/api/targets/{policy.Id}/history");

        var body = await call.CompleteAsync(await Functions.GetTargetHistory(call.Request, policy.Id));

        Assert.Equal(200, call.Response.StatusCode);
        Assert.Equal(ApiResponse.JsonContentType, call.Response.ContentType);
        using var history = JsonDocument.Parse(body);
        Assert.Equal(policy.Target.ResourceId, history.RootElement.GetProperty("targetResourceId").GetString());
    }

    [Fact]
    public async Task ListTargets_OnePerPage_Returns200JsonWithANextLinkAndA400ForABadTop()
    {
        await estate.AddTargetAsync("http-list-a", capacity: 2);
        await estate.AddTargetAsync("http-list-b", capacity: 2);
        var call = new FunctionsHttpCall("GET", "/api/targets?top=1");
        var bad = new FunctionsHttpCall("GET", "/api/targets?top=0");

        var body = await call.CompleteAsync(await Functions.ListTargets(call.Request, Client));
        var badBody = await bad.CompleteAsync(await Functions.ListTargets(bad.Request, Client));

        Assert.Equal(200, call.Response.StatusCode);
        Assert.Equal(ApiResponse.JsonContentType, call.Response.ContentType);
        using var page = JsonDocument.Parse(body);
        Assert.Equal(1, page.RootElement.GetProperty("value").GetArrayLength());
        Assert.StartsWith("/api/targets?top=1&skipToken=", page.RootElement.GetProperty("nextLink").GetString(), StringComparison.Ordinal);
        ProblemAssert.Named(bad, badBody, 400, "top");
    }

    [Fact]
    public async Task GetTargetTimeline_AfterAScale_Returns200WithTheNewCapacityAndA400NamingABadFrom()
    {
        var policy = await ScaledFrom2To3Async("http-timeline");

        var call = new FunctionsHttpCall("GET", $"/api/targets/{policy.Id}/timeline");
        var bad = new FunctionsHttpCall("GET", $"/api/targets/{policy.Id}/timeline?from=last-week");

        var body = await call.CompleteAsync(await Functions.GetTargetTimeline(call.Request, policy.Id));
        var badBody = await bad.CompleteAsync(await Functions.GetTargetTimeline(bad.Request, policy.Id));

        Assert.Equal(200, call.Response.StatusCode);
        Assert.Equal(ApiResponse.JsonContentType, call.Response.ContentType);
        using var timeline = JsonDocument.Parse(body);
        Assert.Equal(3, timeline.RootElement.GetProperty("capacity").EnumerateArray().Last().GetProperty("capacity").GetInt32());
        ProblemAssert.Named(bad, badBody, 400, "from");
    }

    [Fact]
    public async Task ListProcedures_AfterAScale_ListsItWithItsDurableStatusLinkAndA400NamingABadStatus()
    {
        var policy = await ScaledFrom2To3Async("http-procs");

        var call = new FunctionsHttpCall("GET", "/api/procedures?status=succeeded");
        var bad = new FunctionsHttpCall("GET", "/api/procedures?status=finished");

        var body = await call.CompleteAsync(await Functions.ListProcedures(call.Request, Client));
        var badBody = await bad.CompleteAsync(await Functions.ListProcedures(bad.Request, Client));

        Assert.Equal(200, call.Response.StatusCode);
        using var list = JsonDocument.Parse(body);
        var item = list.RootElement.GetProperty("value").EnumerateArray().Single(p => p.GetProperty("target").GetString() == policy.Id);
        Assert.Equal("Succeeded", item.GetProperty("status").GetString());
        Assert.StartsWith($"https://scalewise-func.azurewebsites.net{DurableStatusPath}", item.GetProperty("links").GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        ProblemAssert.Named(bad, badBody, 400, "status");
    }

    [Fact]
    public async Task GetDashboard_ThePageAndItsScripts_AreServedByTheFunctionsAppAndAnUnknownFileIs404NamingPath()
    {
        var page = new FunctionsHttpCall("GET", "/api/dashboard/?code=key");
        var chart = new FunctionsHttpCall("GET", "/api/dashboard/chart.umd.js");
        var missing = new FunctionsHttpCall("GET", "/api/dashboard/secrets.txt");

        var html = await page.CompleteAsync(await Functions.GetDashboard(page.Request, null));
        var script = await chart.CompleteAsync(await Functions.GetDashboard(chart.Request, "chart.umd.js"));
        var missingBody = await missing.CompleteAsync(await Functions.GetDashboard(missing.Request, "secrets.txt"));

        Assert.Equal((200, "text/html; charset=utf-8"), (page.Response.StatusCode, page.Response.ContentType));
        Assert.Contains("location.search", html, StringComparison.Ordinal);
        Assert.Equal((200, "text/javascript; charset=utf-8"), (chart.Response.StatusCode, chart.Response.ContentType));
        Assert.Contains("Chart.js", script, StringComparison.Ordinal);
        ProblemAssert.Named(missing, missingBody, 404, "path");
    }

    /// <summary>A new target at capacity 2, scaled to 3 through the production trigger, its procedure ended.</summary>
    private async Task<Scalewise.Core.Policies.ScalingPolicy> ScaledFrom2To3Async(string name)
    {
        var (policy, _) = await estate.AddTargetAsync(name, capacity: 2);
        var scale = new FunctionsHttpCall("POST", $"/api/targets/{policy.Id}/scale", """{"capacity": 3}""");
        using var payload = JsonDocument.Parse(await scale.CompleteAsync(await Functions.RequestScale(scale.Request, policy.Id, Client)));
        await WaitForEndAsync(Property(payload.RootElement, "id"));
        return policy;
    }

    /// <summary>A property of the Durable payload, whatever casing the worker's serializer gave its names.</summary>
    private static string Property(JsonElement element, string name) =>
        element.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetString()!;

    private async Task WaitForEndAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await Client.WaitForInstanceCompletionAsync(instanceId, timeout.Token);
    }

    private static string PolicyDocument(string extra = "") => $$"""
        {
          "version": 1,
          {{extra}}
          "target": { "kind": "VirtualMachineScaleSet", "resourceId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Compute/virtualMachineScaleSets/http-put" },
          "capacity": { "minimum": 1, "maximum": 10, "default": 2 },
          "warmUp": "PT1M",
          "rules": []
        }
        """;
}
