using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Http;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Functions.Http;

/// <summary>
/// The Functions app as an <see cref="IApiHost"/>: a procedure is followed through the Durable extension's status webhooks
/// (the 202 is the extension's own check-status response), and nobody is assumed to be the caller.
/// </summary>
/// <remarks>
/// With the ASP.NET Core integration, <paramref name="functionRequest"/>'s responses write straight to the HTTP response, so the 202
/// is written when <see cref="AcceptedAsync"/> returns and its result has nothing left to do.
/// </remarks>
public sealed class FunctionsApiHost(HttpRequestData functionRequest, DurableTaskClient client) : IApiHost
{
    public string? Caller => null;

    public async Task<IResult> AcceptedAsync(HttpRequest request, string instanceId, CancellationToken cancellationToken)
    {
        await client.CreateCheckStatusResponseAsync(functionRequest, instanceId, cancellationToken).ConfigureAwait(false);
        return Results.Empty;
    }

    public Task<ProcedureLinks> LinksForAsync(HttpRequest request, string instanceId, CancellationToken cancellationToken)
    {
        var links = client.CreateHttpManagementPayload(instanceId, functionRequest);
        return Task.FromResult(new ProcedureLinks(links.StatusQueryGetUri ?? string.Empty, links.TerminatePostUri ?? string.Empty));
    }
}
