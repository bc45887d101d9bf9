using Microsoft.AspNetCore.Http;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Cli.Local;

/// <summary>
/// The local runner as an <see cref="IApiHost"/>: it has no Durable webhooks, so a procedure is followed at its own
/// <c>GET /api/procedures/{instanceId}</c>, and a manual request that names nobody was made by "local".
/// </summary>
public sealed class LocalApiHost : IApiHost
{
    public string? Caller => "local";

    public Task<IResult> AcceptedAsync(HttpRequest request, string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(Results.Json(new { id = instanceId, statusQueryGetUri = StatusUri(request, instanceId) }, ScalewiseJson.Options, statusCode: StatusCodes.Status202Accepted));

    public Task<ProcedureLinks> LinksForAsync(HttpRequest request, string instanceId, CancellationToken cancellationToken)
    {
        var status = StatusUri(request, instanceId);
        return Task.FromResult(new ProcedureLinks(status, status));
    }

    private static string StatusUri(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}/api/procedures/{instanceId}";
    }
}
