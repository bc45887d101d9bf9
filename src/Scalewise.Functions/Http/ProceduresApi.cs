using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Functions.Http;

/// <summary>Answers to procedures waiting for approval. Both need a function key; the answer records who gave it.</summary>
public sealed class ProceduresApi(ApprovalRequests approvals)
{
    [Function(nameof(ApproveProcedure))]
    public Task<HttpResponseData> ApproveProcedure(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "procedures/{instanceId}/approve")] HttpRequestData request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) => AnswerAsync(request, instanceId, approved: true, client, context);

    [Function(nameof(RejectProcedure))]
    public Task<HttpResponseData> RejectProcedure(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "procedures/{instanceId}/reject")] HttpRequestData request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) => AnswerAsync(request, instanceId, approved: false, client, context);

    private async Task<HttpResponseData> AnswerAsync(HttpRequestData request, string instanceId, bool approved, DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var body = await request.ReadAsStringAsync().ConfigureAwait(false);
        var problem = await approvals.AnswerAsync(client, instanceId, approved, body, context.CancellationToken).ConfigureAwait(false);
        if (problem is null)
        {
            return await client.CreateCheckStatusResponseAsync(request, instanceId, context.CancellationToken).ConfigureAwait(false);
        }

        return await JsonResponses.WriteProblemAsync(request, problem).ConfigureAwait(false);
    }
}
