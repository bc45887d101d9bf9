using Microsoft.AspNetCore.Http;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// What differs between the hosts that serve <see cref="ScalewiseApi"/>: who asks when a request does not say, and where a
/// caller follows a procedure (the Durable extension's status webhooks in the Functions app, <c>/api/procedures/{id}</c> locally).
/// </summary>
public interface IApiHost
{
    /// <summary>Who asks for a manual scale when the body names nobody; null for "anonymous".</summary>
    string? Caller { get; }

    /// <summary>The 202 answer for a procedure started or answered, pointing at its status.</summary>
    Task<IResult> AcceptedAsync(HttpRequest request, string instanceId, CancellationToken cancellationToken);

    /// <summary>Where to watch and where to stop a running procedure, for the 409 body.</summary>
    Task<ProcedureLinks> LinksForAsync(HttpRequest request, string instanceId, CancellationToken cancellationToken);
}
