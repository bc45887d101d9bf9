using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Functions.Http;

/// <summary><c>GET /api/targets/{target}/capacity-reports[?limit=n]</c>: the target's post-event capacity reports, newest first (needs a function key).</summary>
public sealed class CapacityReportsApi(CapacityReportQuery reports)
{
    [Function(nameof(GetCapacityReports))]
    public async Task<HttpResponseData> GetCapacityReports(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "targets/{target}/capacity-reports")] HttpRequestData request,
        string target,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (found, problem) = await reports.GetAsync(target, request.Query["limit"], context.CancellationToken).ConfigureAwait(false);
        return await JsonResponses.WriteFoundAsync(request, found, problem).ConfigureAwait(false);
    }
}
