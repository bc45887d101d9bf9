using System.Collections.Concurrent;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Functions.Http;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Tests;
using Scalewise.Tests;
using Xunit.Abstractions;

namespace Scalewise.Functions.Tests.Http;

/// <summary>
/// Generated requests (policy documents, ids, If-Match / If-None-Match / Content-Type headers, command bodies) through the
/// production HTTP functions against Azurite, the simulator and the Durable host: every answer is a 2xx, or a 4xx
/// problem+json naming a non-empty field; never a 5xx, which would mean an input reached <see cref="ApiGuard"/>'s last resort.
/// </summary>
public sealed class ApiFunctionsPropertyTests(LocalEstateFixture estate, ITestOutputHelper output) : IClassFixture<LocalEstateFixture>
{
    /// <summary>The scale targets the fixture creates (no generated PUT reaches their ids), and any route value.</summary>
    private static readonly Gen<string> Targets = Gen.Frequency((3, Gen.OneOf("prop-t0", "prop-t1", "prop-t2")), (1, HostileInputs.RouteId));

    private static readonly Gen<Call> Calls = Gen.Frequency(
        (4, Gen.Select(HostileInputs.PolicyDocument, HostileInputs.ContentType, (document, type) => new Call(Route.Validate, "prop-0", document, null, null, type))),
        (4, Gen.Select(HostileInputs.RouteId, HostileInputs.PolicyDocument, HostileInputs.EntityTagHeader, HostileInputs.EntityTagHeader, HostileInputs.ContentType, Gen.Int[0, 3], (id, document, ifMatch, ifNoneMatch, type, sameId) =>
            new Call(Route.Put, id, sameId > 0 ? WithId(document, id) : document, ifMatch, ifNoneMatch, type))),
        (1, Gen.Select(HostileInputs.RouteId, HostileInputs.EntityTagHeader, (id, ifMatch) => new Call(Route.Delete, id, null, ifMatch, null, null))),
        (1, Gen.Select(HostileInputs.RouteId, Gen.Int[0, 3], (id, which) => new Call((Route)((int)Route.Get + which), id, null, null, null, null))),
        (2, Gen.Select(Targets, HostileInputs.CommandBody, HostileInputs.ContentType, (target, body, type) => new Call(Route.Scale, target, body, null, null, type))),
        (1, Gen.Select(HostileInputs.RouteId, HostileInputs.CommandBody, Gen.Bool, (instance, body, approve) => new Call(approve ? Route.Approve : Route.Reject, instance, body, null, null, null))),
        (1, Gen.Select(Targets, HostileInputs.ValueToken, Gen.Bool, (target, value, to) => new Call(Route.Timeline, target, null, null, null, null, (to ? "to=" : "from=") + Uri.EscapeDataString(value)))),
        (1, HostileInputs.ValueToken.Select(value => new Call(Route.Procedures, "x", null, null, null, null, "status=" + Uri.EscapeDataString(value)))));

    public enum Route
    {
        Validate,
        Put,
        Delete,
        Get,
        Versions,
        History,
        CapacityReports,
        Scale,
        Approve,
        Reject,
        Timeline,
        Procedures,
    }

    private ApiFunctions Functions => ActivatorUtilities.CreateInstance<ApiFunctions>(estate.Services);

    private DurableTaskClient Client => estate.Host.Client;

    [Fact]
    public async Task EveryRoute_AnyGeneratedRequest_Answers2xxOr4xxProblemNamingTheField()
    {
        for (var i = 0; i < 3; i++)
        {
            await estate.AddNamedTargetAsync($"prop-t{i}", capacity: 2);
        }

        var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Calls.SampleAsync(
            async call =>
            {
                var (status, contentType, body) = await SendAsync(call);
                statuses.AddOrUpdate($"{call.Route} {status}", 1, (_, n) => n + 1);
                Assert.True(status is (>= 200 and < 300) or (>= 400 and < 500), $"{call.Route} answered {status}: {body}");
                if (status >= 400)
                {
                    Assert.Equal(ApiProblem.ContentType, contentType);
                    using var problem = JsonDocument.Parse(body);
                    Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
                    Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("field").GetString()), body);
                }
            },
            iter: HostileInputs.Cases(3_000),
            threads: 1,
            print: call => call.ToString());

        output.WriteLine(string.Join(Environment.NewLine, statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Contains(statuses.Keys, k => k.StartsWith("Put 2", StringComparison.Ordinal));
        Assert.Contains(statuses.Keys, k => k.StartsWith("Validate 200", StringComparison.Ordinal));
    }

    private async Task<(int Status, string? ContentType, string Body)> SendAsync(Call call)
    {
        var headers = new Dictionary<string, string>();
        AddHeader(headers, "If-Match", call.IfMatch);
        AddHeader(headers, "If-None-Match", call.IfNoneMatch);
        var path = call.Route switch
        {
            Route.Validate => "/api/policies/validate",
            Route.Scale => "/api/targets/x/scale",
            Route.Approve or Route.Reject => "/api/procedures/x/approve",
            Route.CapacityReports => "/api/targets/x/capacity-reports?limit=" + Uri.EscapeDataString(call.Id),
            Route.Timeline => "/api/targets/x/timeline?" + call.Query,
            Route.Procedures => "/api/procedures?" + call.Query,
            _ => "/api/policies/x",
        };
        var request = new FunctionsHttpCall(call.Route is Route.Delete or (>= Route.Get and <= Route.CapacityReports) or Route.Timeline or Route.Procedures ? "GET" : "POST", path, call.Body, headers);
        request.Http.RequestServices = estate.Services;
        if (call.ContentType is not null)
        {
            request.Http.Request.ContentType = call.ContentType;
        }

        IResult result = call.Route switch
        {
            Route.Validate => await Functions.ValidatePolicy(request.Request),
            Route.Put => await Functions.PutPolicy(request.Request, call.Id),
            Route.Delete => await Functions.DeletePolicy(request.Request, call.Id),
            Route.Get => await Functions.GetPolicy(request.Request, call.Id),
            Route.Versions => await Functions.ListPolicyVersions(request.Request, call.Id),
            Route.History => await Functions.GetTargetHistory(request.Request, call.Id),
            Route.CapacityReports => await Functions.GetCapacityReports(request.Request, "prop-t1"),
            Route.Scale => await Functions.RequestScale(request.Request, call.Id, Client),
            Route.Approve => await Functions.ApproveProcedure(request.Request, call.Id, Client),
            Route.Timeline => await Functions.GetTargetTimeline(request.Request, call.Id),
            Route.Procedures => await Functions.ListProcedures(request.Request, Client),
            _ => await Functions.RejectProcedure(request.Request, call.Id, Client),
        };
        var body = await request.CompleteAsync(result);
        return (request.Response.StatusCode, request.Response.ContentType, body);
    }

    /// <summary>The document with the route's id in place of its own (as a client that PUTs to the URL it names would send it).</summary>
    private static string WithId(string document, string id) =>
        System.Text.RegularExpressions.Regex.Replace(document, "\"id\"\\s*:\\s*\"[^\"]*\"", "\"id\": " + JsonSerializer.Serialize(id), System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static void AddHeader(Dictionary<string, string> headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }

    /// <summary>One generated request: route, route value, body and headers.</summary>
    public sealed record Call(Route Route, string Id, string? Body, string? IfMatch, string? IfNoneMatch, string? ContentType, string? Query = null)
    {
        public override string ToString() =>
            $"{Route} id={JsonSerializer.Serialize(Id)} query={Query} If-Match={IfMatch} If-None-Match={IfNoneMatch} Content-Type={ContentType} body={(Body is { Length: > 500 } b ? b[..500] + "..." : Body)}";
    }
}
