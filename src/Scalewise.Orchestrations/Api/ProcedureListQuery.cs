using System.Text.Json;
using Microsoft.DurableTask.Client;
using Scalewise.Core.Serialization;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// <c>GET /api/procedures?status=</c>: running and recent procedures of every target, newest first, at most
/// <see cref="MaximumCount"/>. <c>status</c> is <c>running</c> (not ended, waiting or not), <c>waiting</c> (waiting for
/// approval), <c>ended</c>, an outcome (<c>succeeded</c>, <c>failed</c>, <c>rolledBack</c>, <c>rejected</c>,
/// <c>cancelled</c>, <c>superseded</c>) or <c>all</c> (the default). History gives each procedure's steps; one Durable
/// query (<see cref="RunningProcedures"/>) gives the step each running one is on.
/// </summary>
public sealed class ProcedureListQuery(IPolicyStore policies, IProcedureHistory history)
{
    public const string WaitingForApproval = "WaitingForApproval";

    public const string Running = "Running";

    /// <summary>How many of each target's latest procedures are read.</summary>
    public const int RecentPerTarget = 5;

    public const int MaximumCount = 200;

    private static readonly string[] Filters = ["all", "running", "waiting", "ended", .. Enum.GetNames<ProcedureOutcome>()];

    public async Task<ApiResponse> ListAsync(DurableTaskClient client, string? status, Func<string, Task<ProcedureLinks>> linksFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(linksFor);
        var filter = status is null ? "all" : Filters.FirstOrDefault(f => string.Equals(f, status, StringComparison.OrdinalIgnoreCase));
        if (filter is null)
        {
            return ApiResponse.Problem(ApiProblem.Validation("status", $"status '{status}' is not one of {string.Join(", ", Filters.Select(Camel))}."));
        }

        var running = await RunningProcedures.QueryAsync(client, cancellationToken, withCustomStatus: true).ConfigureAwait(false);
        var onlyRunning = filter is "running" or "waiting";
        var found = new List<ProcedureListItem>();
        foreach (var stored in await policies.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var policy = stored.Policy;
            var instance = RunningProcedures.For(running, policy.Id);
            if (onlyRunning && instance is null)
            {
                continue;
            }

            var records = await history.ListAsync(policy.Id, RecentPerTarget, cancellationToken).ConfigureAwait(false);
            var step = instance is null ? null : ProcedureStatusOf(instance);
            var live = instance is null ? null : records.Where(r => r.InstanceId == instance.InstanceId && r.Outcome is null).MaxBy(r => r.StartedAt);
            if (instance is not null && live is null)
            {
                // Scheduled, not yet at its first step: history has no record of this run yet.
                live = new ProcedureRecord(instance.InstanceId, policy.Id, policy.Target.ResourceId, DecisionKind.Manual, step?.FromCapacity ?? 0, step?.ToCapacity ?? 0, step?.Detail ?? "starting", string.Empty, instance.CreatedAt, null, null, null, []);
                records = [live, .. records];
            }

            foreach (var record in records)
            {
                var isLive = ReferenceEquals(record, live);
                if (!isLive && record.Outcome is null)
                {
                    continue; // An earlier run of the same instance id that never recorded its end: not running now.
                }

                var itemStatus = isLive ? (step?.Step == ProcedureStepNames.Approval ? WaitingForApproval : Running) : record.Outcome!.Value.ToString();
                if (Matches(filter, itemStatus))
                {
                    var links = await linksFor(record.InstanceId).ConfigureAwait(false);
                    found.Add(Item(record, itemStatus, isLive ? step : null, links));
                }
            }
        }

        return ApiResponse.Json(200, new ProcedureList([.. found.OrderByDescending(p => p.StartedAt).Take(MaximumCount)]));
    }

    private static bool Matches(string filter, string status) => filter switch
    {
        "all" => true,
        "running" => status is Running or WaitingForApproval,
        "waiting" => status == WaitingForApproval,
        "ended" => status is not (Running or WaitingForApproval),
        _ => string.Equals(filter, status, StringComparison.OrdinalIgnoreCase),
    };

    private static ProcedureListItem Item(ProcedureRecord record, string status, ProcedureStatus? step, ProcedureLinks links) => new(
        record.InstanceId,
        record.PolicyId,
        record.TargetResourceId,
        record.Kind,
        status,
        step?.Step,
        step?.Detail,
        record.FromCapacity,
        record.ToCapacity,
        record.FromSku,
        record.ToSku,
        record.Reason,
        record.RequestedBy,
        record.StartedAt,
        record.EndedAt,
        record.Error,
        record.Steps,
        links);

    /// <summary>The custom status a running procedure set (the step it is on), or null before its first step.</summary>
    private static ProcedureStatus? ProcedureStatusOf(OrchestrationMetadata instance)
    {
        if (instance.SerializedCustomStatus is not { Length: > 0 } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ProcedureStatus>(json, ScalewiseJson.Options);
        }
        catch (JsonException)
        {
            return null; // Not a procedure's status (an emergency's own shape): shown without its step.
        }
    }

#pragma warning disable CA1308 // The filters are camelCase words in the URL.
    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
#pragma warning restore CA1308
}
