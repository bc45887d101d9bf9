using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Policies;
using Scalewise.Functions.Http;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Tests;
using Scalewise.Simulator.Faults;

namespace Scalewise.Functions.Tests.Http;

/// <summary>
/// The six inputs that once gave an empty 500 (issue 20), and the limits, through the production HTTP functions: each is now a
/// 4xx problem naming the field (or a 502/503 naming the target when ARM fails), never a 5xx from the handler.
/// </summary>
public sealed class ApiFunctionsHostileInputTests(LocalEstateFixture estate) : IClassFixture<LocalEstateFixture>
{
    private ApiFunctions Functions => ActivatorUtilities.CreateInstance<ApiFunctions>(estate.Services);

    private DurableTaskClient Client => estate.Host.Client;

    [Theory]
    [InlineData("\"warmUp\": \"PT1M\",", "$.warmUp")]
    [InlineData("\"WarmUp\": \"PT1M\",", "$.warmUp")]
    public async Task PutPolicy_DuplicateKeyEvenInAnotherCase_Returns400NamingTheKey(string duplicate, string field)
    {
        var call = Put("dup-key", Document(extra: duplicate));

        var body = await call.CompleteAsync(await Functions.PutPolicy(call.Request, "dup-key"));

        var problem = ProblemAssert.Named(call, body, 400, field);
        Assert.Contains("more than once", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"unterminated")]
    [InlineData("\"a\", \"b\"")]
    public async Task PutPolicy_IfMatchNotAQuotedETag_Returns400NamingTheHeader(string ifMatch)
    {
        var call = Put("etag-shape", Document(), new Dictionary<string, string> { ["If-Match"] = ifMatch });

        var body = await call.CompleteAsync(await Functions.PutPolicy(call.Request, "etag-shape"));

        ProblemAssert.Named(call, body, 400, "If-Match");
    }

    [Fact]
    public async Task DeletePolicy_IfMatchNotAQuotedETag_Returns400NamingTheHeader()
    {
        var call = new FunctionsHttpCall("DELETE", "/api/policies/etag-delete", headers: new Dictionary<string, string> { ["If-Match"] = "W/not-quoted" });

        var body = await call.CompleteAsync(await Functions.DeletePolicy(call.Request, "etag-delete"));

        ProblemAssert.Named(call, body, 400, "If-Match");
    }

    [Fact]
    public async Task PutPolicy_DurationBeyondTimeSpan_Returns400NamingTheField()
    {
        var call = Put("huge-duration", Document(warmUp: "P99999999999D"));

        var body = await call.CompleteAsync(await Functions.PutPolicy(call.Request, "huge-duration"));

        ProblemAssert.Named(call, body, 400, "$.warmUp");
    }

    [Fact]
    public async Task PutAndValidate_PolicyTooLargeToStore_BothReturn400WithTheMaximum()
    {
        var metric = new string('m', 60_000);
        var rules = Enumerable.Range(0, 5).Select(i => $$"""{ "name": "rule-{{i}}", "trigger": { "metricName": "{{metric}}", "timeGrain": "PT1M", "statistic": "Average", "timeWindow": "PT5M", "timeAggregation": "Average", "operator": "GreaterThan", "threshold": 70 }, "action": { "direction": "Increase", "changeCount": 1, "cooldown": "PT5M" } }""");
        var document = Document(rules: string.Join(", ", rules));
        var put = Put("too-large", document);
        var validate = new FunctionsHttpCall("POST", "/api/policies/validate", document);

        var putBody = await put.CompleteAsync(await Functions.PutPolicy(put.Request, "too-large"));
        var validateBody = await validate.CompleteAsync(await Functions.ValidatePolicy(validate.Request));

        var problem = ProblemAssert.Named(put, putBody, 400, "$");
        Assert.Contains(PolicyLimits.MaximumDocumentLength.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        ProblemAssert.Named(validate, validateBody, 400, "$");
    }

    [Fact]
    public async Task RequestScale_ArmReadOfTheTargetFails_Returns503NamingTheTargetWithRetryAfter()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("arm-down", capacity: 2);
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.ServerError("GET", policy.Target.ResourceId, string.Empty) with { Times = 50 });
        try
        {
            var call = new FunctionsHttpCall("POST", $"/api/targets/{policy.Id}/scale", """{"capacity": 3}""");

            var body = await call.CompleteAsync(await Functions.RequestScale(call.Request, policy.Id, Client));

            var problem = ProblemAssert.Named(call, body, 503, "target");
            Assert.Contains(policy.Id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(call.Response.Headers.RetryAfter.ToString()));
            Assert.Equal(2, scaleSet.Capacity);
        }
        finally
        {
            estate.Simulator.Estate.Faults.Clear();
        }
    }

    [Theory]
    [InlineData("\"description\": \"\\ud800\",", "$.description")]
    [InlineData("\"description\": \"ok \\udc00 then\",", "$.description")]
    public async Task PutPolicy_LoneSurrogateEscape_Returns400NamingTheField(string extra, string field)
    {
        var call = Put("surrogate", Document(extra: extra));

        var body = await call.CompleteAsync(await Functions.PutPolicy(call.Request, "surrogate"));

        ProblemAssert.Named(call, body, 400, field);
    }

    [Theory]
    [InlineData("""{"capacity": 3, "reason": "\udfff"}""", "reason")]
    [InlineData("""{"capacity": 3, "": 1}""", "body")]
    [InlineData("""{"capacity": 3, "Capacity": 4}""", "Capacity")]
    public async Task RequestScale_OddButWellFormedBody_Returns400NamingAField(string requestBody, string field)
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("odd-body", capacity: 2);
        var call = new FunctionsHttpCall("POST", $"/api/targets/{policy.Id}/scale", requestBody);

        var body = await call.CompleteAsync(await Functions.RequestScale(call.Request, policy.Id, Client));

        ProblemAssert.Named(call, body, 400, field);
        Assert.Equal(2, scaleSet.Capacity);
    }

    [Fact]
    public async Task ValidatePolicy_BodyOverTheLimit_Returns413NamingTheBody()
    {
        var call = new FunctionsHttpCall("POST", "/api/policies/validate", new string(' ', ApiBody.MaximumBytes + 1));

        var body = await call.CompleteAsync(await Functions.ValidatePolicy(call.Request));

        ProblemAssert.Named(call, body, 413, "body");
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("with space")]
    [InlineData("trailing-newline\n")]
    public async Task GetPolicy_IdNoPolicyCanHave_Returns404NamingTheId(string id)
    {
        var call = new FunctionsHttpCall("GET", "/api/policies/x");

        var body = await call.CompleteAsync(await Functions.GetPolicy(call.Request, id));

        ProblemAssert.Named(call, body, 404, "id");
    }

    private static FunctionsHttpCall Put(string id, string document, IReadOnlyDictionary<string, string>? headers = null) =>
        new("PUT", $"/api/policies/{id}", document, headers);

    private static string Document(string extra = "", string warmUp = "PT1M", string rules = "") => $$"""
        {
          "version": 1,
          {{extra}}
          "target": { "kind": "VirtualMachineScaleSet", "resourceId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Compute/virtualMachineScaleSets/hostile" },
          "capacity": { "minimum": 1, "maximum": 10, "default": 2 },
          "warmUp": "{{warmUp}}",
          "rules": [{{rules}}]
        }
        """;
}
