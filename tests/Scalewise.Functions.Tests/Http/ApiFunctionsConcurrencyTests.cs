using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Ports;
using Scalewise.Functions.Http;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Tests;

namespace Scalewise.Functions.Tests.Http;

/// <summary>
/// Simultaneous requests through the production HTTP functions (issue 20): one procedure per target however many ask at once,
/// and one winner among conditional writes of one policy version.
/// </summary>
public sealed class ApiFunctionsConcurrencyTests(LocalEstateFixture estate) : IClassFixture<LocalEstateFixture>
{
    private ApiFunctions Functions => ActivatorUtilities.CreateInstance<ApiFunctions>(estate.Services);

    private DurableTaskClient Client => estate.Host.Client;

    [Fact]
    public async Task RequestScale_HundredAtOnce_StartsOneProcedureAndAnswersTheRest409WithItsLinks()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("race", capacity: 2);
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 100).Select(async _ =>
        {
            var call = new FunctionsHttpCall("POST", $"/api/targets/{policy.Id}/scale", """{"capacity": 4, "reason": "race"}""");
            await start.WaitAsync();
            var body = await call.CompleteAsync(await Functions.RequestScale(call.Request, policy.Id, Client));
            return (call.Response.StatusCode, call.Response.ContentType, Body: body);
        }).ToList();

        start.Release(100);
        var answers = await Task.WhenAll(requests);

        Assert.Single(answers, a => a.StatusCode == 202);
        var conflicts = answers.Where(a => a.StatusCode == 409).ToList();
        Assert.Equal(99, conflicts.Count);
        Assert.All(conflicts, c =>
        {
            Assert.Equal(ApiProblem.ContentType, c.ContentType);
            using var problem = JsonDocument.Parse(c.Body);
            Assert.Equal("target", problem.RootElement.GetProperty("field").GetString());
            Assert.Contains("/runtime/webhooks/durabletask/instances/", problem.RootElement.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var instance = await Client.WaitForInstanceCompletionAsync(Core.Procedures.ProcedureIds.ForTarget(policy.Id), timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(4, scaleSet.Capacity);
    }

    [Fact]
    public async Task PutPolicy_FiftyAtOnceWithTheSameIfMatch_OneSucceedsAndTheRestAre412()
    {
        var (policy, _) = await estate.AddTargetAsync("put-race", capacity: 2);
        var stored = await estate.Services.GetRequiredService<IPolicyStore>().GetAsync(policy.Id, CancellationToken.None);
        var document = Core.Policies.PolicyDocument.Serialize(policy with { Description = "raced" });
        using var start = new SemaphoreSlim(0);
        var writes = Enumerable.Range(0, 50).Select(async _ =>
        {
            var call = new FunctionsHttpCall("PUT", $"/api/policies/{policy.Id}", document, new Dictionary<string, string> { ["If-Match"] = stored!.ETag });
            await start.WaitAsync();
            var body = await call.CompleteAsync(await Functions.PutPolicy(call.Request, policy.Id));
            return (call.Response.StatusCode, call.Response.ContentType, Body: body);
        }).ToList();

        start.Release(50);
        var answers = await Task.WhenAll(writes);

        Assert.Single(answers, a => a.StatusCode == 200);
        var refused = answers.Where(a => a.StatusCode == 412).ToList();
        Assert.Equal(49, refused.Count);
        Assert.All(refused, r => Assert.Equal(ApiProblem.ContentType, r.ContentType));
        var versions = await estate.Services.GetRequiredService<IPolicyStore>().ListVersionsAsync(policy.Id, 100, CancellationToken.None);
        Assert.Equal(2, versions.Count);
    }
}
