using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Scalewise.Orchestrations.Dashboard;
using Scalewise.Orchestrations.Evaluation;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// The HTTP API, every route once: method, template under <c>/api</c> and handler. The Functions app serves each route through
/// one HTTP trigger that calls its handler (a test compares the two both ways); the local runner maps <see cref="Routes"/> with
/// minimal APIs. So statuses, headers, messages and problem+json bodies come from one code path on every host.
/// </summary>
public static class ScalewiseApi
{
    public const string Targets = "targets";
    public const string TargetScale = "targets/{target}/scale";
    public const string TargetHistory = "targets/{target}/history";
    public const string TargetForecast = "targets/{target}/forecast";
    public const string TargetCapacityReports = "targets/{target}/capacity-reports";
    public const string TargetTimeline = "targets/{target}/timeline";
    public const string Procedures = "procedures";
    public const string Dashboard = "dashboard/{*path}";
    public const string Policies = "policies";
    public const string PolicyValidation = "policies/validate";
    public const string Policy = "policies/{id}";
    public const string PolicyVersions = "policies/{id}/versions";
    public const string ProcedureApproval = "procedures/{instanceId}/approve";
    public const string ProcedureRejection = "procedures/{instanceId}/reject";

    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(nameof(ListTargets), HttpMethods.Get, Targets, ListTargets),
        new(nameof(RequestScale), HttpMethods.Post, TargetScale, RequestScale),
        new(nameof(GetTargetHistory), HttpMethods.Get, TargetHistory, GetTargetHistory),
        new(nameof(GetTargetForecast), HttpMethods.Get, TargetForecast, GetTargetForecast),
        new(nameof(GetCapacityReports), HttpMethods.Get, TargetCapacityReports, GetCapacityReports),
        new(nameof(GetTargetTimeline), HttpMethods.Get, TargetTimeline, GetTargetTimeline),
        new(nameof(ListProcedures), HttpMethods.Get, Procedures, ListProcedures),
        new(nameof(GetDashboard), HttpMethods.Get, Dashboard, GetDashboard),
        new(nameof(ListPolicies), HttpMethods.Get, Policies, ListPolicies),
        new(nameof(ValidatePolicy), HttpMethods.Post, PolicyValidation, ValidatePolicy),
        new(nameof(GetPolicy), HttpMethods.Get, Policy, GetPolicy),
        new(nameof(PutPolicy), HttpMethods.Put, Policy, PutPolicy),
        new(nameof(DeletePolicy), HttpMethods.Delete, Policy, DeletePolicy),
        new(nameof(ListPolicyVersions), HttpMethods.Get, PolicyVersions, ListPolicyVersions),
        new(nameof(ApproveProcedure), HttpMethods.Post, ProcedureApproval, ApproveProcedure),
        new(nameof(RejectProcedure), HttpMethods.Post, ProcedureRejection, RejectProcedure),
    ];

    /// <summary>Every target with its bounds, capacity or SKU, last decision and running procedure, paged (<c>?top=&amp;skipToken=</c>).</summary>
    public static Task<IResult> ListTargets(HttpRequest request, [FromServices] TargetListQuery targets, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(targets);
            ArgumentNullException.ThrowIfNull(request);
            var top = request.Query.TryGetValue("top", out var topValues) ? topValues.ToString() : null;
            var skipToken = request.Query.TryGetValue("skipToken", out var tokenValues) ? tokenValues.ToString() : null;
            return await targets.ListAsync(client, top, skipToken, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Asks for a capacity (scale set) or a SKU (VM, Redis) by hand: 202 with the procedure's status, 409 when one runs, else a problem.</summary>
    public static Task<IResult> RequestScale(
        [FromRoute] string target,
        HttpRequest request,
        [FromServices] ManualScaleRequests requests,
        [FromServices] DurableTaskClient client,
        [FromServices] IApiHost host,
        CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(requests);
            ArgumentNullException.ThrowIfNull(host);
            var body = await ApiBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            var outcome = await requests.RequestAsync(client, target, body, host.Caller, cancellationToken).ConfigureAwait(false);
            if (outcome.Started)
            {
                return await host.AcceptedAsync(request, outcome.InstanceId!, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Conflict)
            {
                var links = await host.LinksForAsync(request, outcome.InstanceId!, cancellationToken).ConfigureAwait(false);
                return ApiResponse.Problem(ProcedureConflict.For(target, outcome.InstanceId!, links));
            }

            return ApiResponse.Problem(outcome.Problem!);
        }, cancellationToken);

    /// <summary>The target's decisions and procedures, newest first.</summary>
    public static Task<IResult> GetTargetHistory([FromRoute] string target, HttpRequest request, [FromServices] TargetHistoryQuery history, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(history);
            var found = RouteIds.IsPolicyId(target) ? await history.GetAsync(target, TargetHistoryQuery.DefaultLimit, cancellationToken).ConfigureAwait(false) : null;
            return ApiResponse.Found(found, found is null ? ApiProblem.NotFound("target", $"No policy names the target '{target}'.") : null);
        }, cancellationToken);

    /// <summary>The target's stored demand forecast and its accuracy.</summary>
    public static Task<IResult> GetTargetForecast([FromRoute] string target, HttpRequest request, [FromServices] TargetForecastQuery forecasts, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(forecasts);
            if (!RouteIds.IsPolicyId(target))
            {
                return ApiResponse.Problem(ApiProblem.NotFound("target", $"No policy names the target '{target}'."));
            }

            var (forecast, problem) = await forecasts.GetAsync(target, cancellationToken).ConfigureAwait(false);
            return ApiResponse.Found(forecast, problem);
        }, cancellationToken);

    /// <summary>The target's post-event capacity reports, newest first (<c>?limit=n</c>).</summary>
    public static Task<IResult> GetCapacityReports([FromRoute] string target, HttpRequest request, [FromServices] CapacityReportQuery reports, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(reports);
            var limit = request.Query.TryGetValue("limit", out var values) ? values.ToString() : null;
            var (found, problem) = RouteIds.IsPolicyId(target)
                ? await reports.GetAsync(target, limit, cancellationToken).ConfigureAwait(false)
                : (null, ApiProblem.NotFound("target", $"No policy names the target '{target}'."));
            return ApiResponse.Found(found, problem);
        }, cancellationToken);

    /// <summary>The target's capacity or SKU, metric readings, forecast and demand, decisions and procedures between <c>?from=</c> and <c>&amp;to=</c>.</summary>
    public static Task<IResult> GetTargetTimeline([FromRoute] string target, HttpRequest request, [FromServices] TargetTimelineQuery timeline, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(timeline);
            return await timeline.GetAsync(target, Query(request, "from"), Query(request, "to"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Running and recent procedures with their steps and status links (<c>?status=running|waiting|ended|&lt;outcome&gt;|all</c>).</summary>
    public static Task<IResult> ListProcedures(
        HttpRequest request,
        [FromServices] ProcedureListQuery procedures,
        [FromServices] DurableTaskClient client,
        [FromServices] IApiHost host,
        CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(procedures);
            ArgumentNullException.ThrowIfNull(host);
            return await procedures.ListAsync(client, Query(request, "status"), id => host.LinksForAsync(request, id, cancellationToken), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The dashboard's static files (<c>/api/dashboard/</c> is the page); it reads only this API.</summary>
    public static Task<IResult> GetDashboard([FromRoute] string? path, HttpRequest request, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, () => Task.FromResult<IResult>(DashboardFiles.Get(path, request)), cancellationToken);

    public static Task<IResult> ListPolicies(HttpRequest request, [FromServices] PolicyRequests policies, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(policies);
            return await policies.ListAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Checks a policy document without storing it.</summary>
    public static Task<IResult> ValidatePolicy(HttpRequest request, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () => PolicyRequests.Validate(await ApiBody.ReadAsync(request, cancellationToken).ConfigureAwait(false)), cancellationToken);

    public static Task<IResult> GetPolicy([FromRoute] string id, HttpRequest request, [FromServices] PolicyRequests policies, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(policies);
            return await policies.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Creates or replaces a policy, under <c>If-Match</c> / <c>If-None-Match: *</c> when sent.</summary>
    public static Task<IResult> PutPolicy([FromRoute] string id, HttpRequest request, [FromServices] PolicyRequests policies, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(policies);
            var body = await ApiBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            return await policies.PutAsync(id, body, Header(request, "If-Match"), Header(request, "If-None-Match"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public static Task<IResult> DeletePolicy([FromRoute] string id, HttpRequest request, [FromServices] PolicyRequests policies, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(policies);
            return await policies.DeleteAsync(id, Header(request, "If-Match"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Every version of a policy written, newest first.</summary>
    public static Task<IResult> ListPolicyVersions([FromRoute] string id, HttpRequest request, [FromServices] PolicyRequests policies, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(policies);
            return await policies.ListVersionsAsync(id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Approves the procedure waiting for approval; the body names who approves.</summary>
    public static Task<IResult> ApproveProcedure(
        [FromRoute] string instanceId,
        HttpRequest request,
        [FromServices] ApprovalRequests approvals,
        [FromServices] DurableTaskClient client,
        [FromServices] IApiHost host,
        CancellationToken cancellationToken) =>
        AnswerAsync(instanceId, approved: true, request, approvals, client, host, cancellationToken);

    /// <summary>Rejects the procedure waiting for approval; the body names who rejects.</summary>
    public static Task<IResult> RejectProcedure(
        [FromRoute] string instanceId,
        HttpRequest request,
        [FromServices] ApprovalRequests approvals,
        [FromServices] DurableTaskClient client,
        [FromServices] IApiHost host,
        CancellationToken cancellationToken) =>
        AnswerAsync(instanceId, approved: false, request, approvals, client, host, cancellationToken);

    private static Task<IResult> AnswerAsync(string instanceId, bool approved, HttpRequest request, ApprovalRequests approvals, DurableTaskClient client, IApiHost host, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            ArgumentNullException.ThrowIfNull(approvals);
            ArgumentNullException.ThrowIfNull(host);
            var body = await ApiBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            var problem = await approvals.AnswerAsync(client, instanceId, approved, body, cancellationToken).ConfigureAwait(false);
            return problem is null
                ? await host.AcceptedAsync(request, instanceId, cancellationToken).ConfigureAwait(false)
                : ApiResponse.Problem(problem);
        }, cancellationToken);

    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? string.Join(", ", values.ToArray()) : null;
}
