using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Http;
using Scalewise.Orchestrations.Api;
using Api = Scalewise.Orchestrations.Api.ScalewiseApi;

namespace Scalewise.Functions.Http;

/// <summary>
/// The HTTP API in the Functions app: one trigger per route of <see cref="ScalewiseApi.Routes"/>, each calling that route's
/// handler. Every route needs a function key. The name, method and route of each trigger must match the table (a test checks).
/// </summary>
public sealed class ApiFunctions(
    ManualScaleRequests scaleRequests,
    TargetHistoryQuery history,
    TargetForecastQuery forecasts,
    CapacityReportQuery reports,
    PolicyRequests policies,
    ApprovalRequests approvals,
    TargetListQuery targets,
    TargetTimelineQuery timeline,
    ProcedureListQuery procedures)
{
    [Function(nameof(Api.ListTargets))]
    public Task<IResult> ListTargets([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.Targets)] HttpRequestData request, [DurableClient] DurableTaskClient client) =>
        Api.ListTargets(Http(request), targets, client, Cancel(request));

    [Function(nameof(Api.RequestScale))]
    public Task<IResult> RequestScale([HttpTrigger(AuthorizationLevel.Function, "post", Route = Api.TargetScale)] HttpRequestData request, string target, [DurableClient] DurableTaskClient client) =>
        Api.RequestScale(target, Http(request), scaleRequests, client, new FunctionsApiHost(request, client), Cancel(request));

    [Function(nameof(Api.GetTargetHistory))]
    public Task<IResult> GetTargetHistory([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.TargetHistory)] HttpRequestData request, string target) =>
        Api.GetTargetHistory(target, Http(request), history, Cancel(request));

    [Function(nameof(Api.GetTargetForecast))]
    public Task<IResult> GetTargetForecast([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.TargetForecast)] HttpRequestData request, string target) =>
        Api.GetTargetForecast(target, Http(request), forecasts, Cancel(request));

    [Function(nameof(Api.GetCapacityReports))]
    public Task<IResult> GetCapacityReports([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.TargetCapacityReports)] HttpRequestData request, string target) =>
        Api.GetCapacityReports(target, Http(request), reports, Cancel(request));

    [Function(nameof(Api.GetTargetTimeline))]
    public Task<IResult> GetTargetTimeline([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.TargetTimeline)] HttpRequestData request, string target) =>
        Api.GetTargetTimeline(target, Http(request), timeline, Cancel(request));

    [Function(nameof(Api.ListProcedures))]
    public Task<IResult> ListProcedures([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.Procedures)] HttpRequestData request, [DurableClient] DurableTaskClient client) =>
        Api.ListProcedures(Http(request), procedures, client, new FunctionsApiHost(request, client), Cancel(request));

    [Function(nameof(Api.GetDashboard))]
    public Task<IResult> GetDashboard([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.Dashboard)] HttpRequestData request, string? path) =>
        Api.GetDashboard(path, Http(request), Cancel(request));

    [Function(nameof(Api.ListPolicies))]
    public Task<IResult> ListPolicies([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.Policies)] HttpRequestData request) =>
        Api.ListPolicies(Http(request), policies, Cancel(request));

    [Function(nameof(Api.ValidatePolicy))]
    public Task<IResult> ValidatePolicy([HttpTrigger(AuthorizationLevel.Function, "post", Route = Api.PolicyValidation)] HttpRequestData request) =>
        Api.ValidatePolicy(Http(request), Cancel(request));

    [Function(nameof(Api.GetPolicy))]
    public Task<IResult> GetPolicy([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.Policy)] HttpRequestData request, string id) =>
        Api.GetPolicy(id, Http(request), policies, Cancel(request));

    [Function(nameof(Api.PutPolicy))]
    public Task<IResult> PutPolicy([HttpTrigger(AuthorizationLevel.Function, "put", Route = Api.Policy)] HttpRequestData request, string id) =>
        Api.PutPolicy(id, Http(request), policies, Cancel(request));

    [Function(nameof(Api.DeletePolicy))]
    public Task<IResult> DeletePolicy([HttpTrigger(AuthorizationLevel.Function, "delete", Route = Api.Policy)] HttpRequestData request, string id) =>
        Api.DeletePolicy(id, Http(request), policies, Cancel(request));

    [Function(nameof(Api.ListPolicyVersions))]
    public Task<IResult> ListPolicyVersions([HttpTrigger(AuthorizationLevel.Function, "get", Route = Api.PolicyVersions)] HttpRequestData request, string id) =>
        Api.ListPolicyVersions(id, Http(request), policies, Cancel(request));

    [Function(nameof(Api.ApproveProcedure))]
    public Task<IResult> ApproveProcedure([HttpTrigger(AuthorizationLevel.Function, "post", Route = Api.ProcedureApproval)] HttpRequestData request, string instanceId, [DurableClient] DurableTaskClient client) =>
        Api.ApproveProcedure(instanceId, Http(request), approvals, client, new FunctionsApiHost(request, client), Cancel(request));

    [Function(nameof(Api.RejectProcedure))]
    public Task<IResult> RejectProcedure([HttpTrigger(AuthorizationLevel.Function, "post", Route = Api.ProcedureRejection)] HttpRequestData request, string instanceId, [DurableClient] DurableTaskClient client) =>
        Api.RejectProcedure(instanceId, Http(request), approvals, client, new FunctionsApiHost(request, client), Cancel(request));

    /// <summary>The ASP.NET Core request behind the trigger's (the app runs with <c>ConfigureFunctionsWebApplication</c>).</summary>
    private static HttpRequest Http(HttpRequestData request) =>
        request?.FunctionContext.GetHttpContext()?.Request
        ?? throw new InvalidOperationException("The HTTP functions need the ASP.NET Core integration (ConfigureFunctionsWebApplication in Program.cs).");

    private static CancellationToken Cancel(HttpRequestData request) => request?.FunctionContext.CancellationToken ?? CancellationToken.None;
}
