using System.Globalization;
using Microsoft.DurableTask.Client;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// <c>GET /api/targets?top=&amp;skipToken=</c>: every target under a policy, paged in policy-id order (<c>top</c> 1 to
/// <see cref="MaximumPageSize"/>, default <see cref="DefaultPageSize"/>; <c>skipToken</c> is the last id of the page
/// before, as <c>nextLink</c> gives it). The running procedures of a page come from one Durable query, not one per target.
/// </summary>
public sealed class TargetListQuery(IPolicyStore policies, ITargetStateStore states, IDecisionLog decisions)
{
    public const int DefaultPageSize = 100;

    public const int MaximumPageSize = 1000;

    public async Task<ApiResponse> ListAsync(DurableTaskClient client, string? top, string? skipToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var size = DefaultPageSize;
        if (top is not null && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaximumPageSize))
        {
            return ApiResponse.Problem(ApiProblem.Validation("top", $"top '{top}' is not a whole number from 1 to {MaximumPageSize}."));
        }

        if (skipToken is not null && !RouteIds.IsPolicyId(skipToken))
        {
            return ApiResponse.Problem(ApiProblem.Validation("skipToken", $"skipToken '{skipToken}' is not one this API handed out; follow nextLink as given."));
        }

        var stored = await policies.ListAsync(cancellationToken).ConfigureAwait(false);
        var after = stored
            .Select(s => s.Policy)
            .Where(p => skipToken is null || string.CompareOrdinal(p.Id, skipToken) > 0)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var page = after.Take(size).ToList();
        var running = await RunningProcedures.QueryAsync(client, cancellationToken).ConfigureAwait(false);
        var value = new List<TargetSummary>(page.Count);
        foreach (var policy in page)
        {
            value.Add(await SummaryAsync(policy, running, cancellationToken).ConfigureAwait(false));
        }

        var next = after.Count > size
            ? string.Create(CultureInfo.InvariantCulture, $"/api/targets?top={size}&skipToken={Uri.EscapeDataString(page[^1].Id)}")
            : null;
        return ApiResponse.Json(200, new TargetList(value, next));
    }

    private async Task<TargetSummary> SummaryAsync(ScalingPolicy policy, IReadOnlyDictionary<string, OrchestrationMetadata> running, CancellationToken cancellationToken)
    {
        var state = (await states.GetAsync(policy.Id, cancellationToken).ConfigureAwait(false)).State;
        var recent = await decisions.ListAsync(policy.Id, 1, cancellationToken).ConfigureAwait(false);
        var last = recent.Count > 0 ? recent[0] : null;
        return new TargetSummary(
            policy.Id,
            policy.Target.Kind,
            policy.Target.ResourceId,
            policy.Mode,
            policy.Capacity.Minimum,
            policy.Capacity.Maximum,
            state.LastKnownCapacity,
            state.CurrentSku,
            last is null ? null : new TargetDecisionSummary(last.DecidedAt, last.Kind, last.Outcome, last.CurrentCapacity, last.NewCapacity, last.NewSku, last.Reason),
            RunningProcedures.For(running, policy.Id) is { } procedure
                ? new TargetProcedureSummary(procedure.InstanceId, procedure.Name, procedure.RuntimeStatus.ToString(), procedure.CreatedAt)
                : null);
    }
}
