using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Functions.Http;

/// <summary>People's way in: ask for a capacity by hand, and read a target's history. Both need a function key.</summary>
public sealed class TargetsApi(ManualScaleRequests requests, TargetHistoryQuery history)
{
    [Function(nameof(RequestScale))]
    public async Task<HttpResponseData> RequestScale(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "targets/{target}/scale")] HttpRequestData request,
        string target,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var body = await request.ReadAsStringAsync().ConfigureAwait(false);
        var outcome = await requests.RequestAsync(client, target, body, caller: null, context.CancellationToken).ConfigureAwait(false);
        if (outcome.Started)
        {
            return await client.CreateCheckStatusResponseAsync(request, outcome.InstanceId!, context.CancellationToken).ConfigureAwait(false);
        }

        if (outcome.Conflict)
        {
            var links = client.CreateHttpManagementPayload(outcome.InstanceId!, request);
            return await JsonResponses.WriteJsonAsync(
                request,
                HttpStatusCode.Conflict,
                new ProcedureConflict($"A procedure is already running for '{target}'; follow its status link, or retry when it has ended.", outcome.InstanceId!, links.StatusQueryGetUri ?? string.Empty, links.TerminatePostUri ?? string.Empty)).ConfigureAwait(false);
        }

        return await JsonResponses.WriteProblemAsync(request, outcome.Problem!).ConfigureAwait(false);
    }

    [Function(nameof(GetTargetHistory))]
    public async Task<HttpResponseData> GetTargetHistory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "targets/{target}/history")] HttpRequestData request,
        string target,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var found = await history.GetAsync(target, TargetHistoryQuery.DefaultLimit, context.CancellationToken).ConfigureAwait(false);
        return await JsonResponses.WriteFoundAsync(request, found, found is null ? ApiProblem.NotFound("target", $"No policy names the target '{target}'.") : null).ConfigureAwait(false);
    }
}
