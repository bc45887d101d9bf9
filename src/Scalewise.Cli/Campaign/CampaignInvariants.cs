using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;

namespace Scalewise.Cli.Campaign;

/// <summary>
/// The promises a campaign checks: after every step, capacity inside the policy's bounds and at most one procedure running
/// on the target; at the end, every procedure terminal, recorded and notified, no procedures overlapping, every decision the
/// ticks made in the decision log, and the policy as it was stored.
/// </summary>
public static class CampaignInvariants
{
    /// <summary>How many history rows the final check reads (far more than a run makes).</summary>
    private const int HistoryLimit = 1000;

    /// <summary>The widest bounds the policy allows at any time: its own and every schedule window's.</summary>
    public static (int Minimum, int Maximum) Bounds(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var windows = (policy.Schedule?.Windows.Select(w => w.Capacity) ?? []).Concat(policy.Schedule?.FixedWindows.Select(w => w.Capacity) ?? []).ToList();
        return (
            windows.Select(w => w.Minimum).Append(policy.Capacity.Minimum).Min(),
            windows.Select(w => w.Maximum).Append(policy.Capacity.Maximum).Max());
    }

    /// <summary>The checks after every step, given the procedures Durable reports running now.</summary>
    public static void CheckStep(CampaignRun run, IReadOnlyList<OrchestrationMetadata> running, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(running);
        var (minimum, maximum) = Bounds(run.Plan.Policy);
        var capacity = run.ScaleSet.Capacity;
        if (capacity < minimum || capacity > maximum)
        {
            run.Violation($"capacity {capacity} outside the policy's bounds {minimum}..{maximum} at +{now - run.Start:hh\\:mm\\:ss}");
        }

        var mine = running.Where(i => i.InstanceId == ProcedureIds.ForTarget(run.PolicyId)).ToList();
        if (mine.Count > 1)
        {
            run.Violation($"{mine.Count} procedures running on {run.Plan.Policy.Target.ResourceId} at once at +{now - run.Start:hh\\:mm\\:ss}");
        }

        run.Observe(mine.Count == 0 ? null : mine[0].CreatedAt);
    }

    /// <summary>The checks once the run is over and its procedures had time to end.</summary>
    public static async Task CheckEndAsync(CampaignRun run, DurableTaskClient client, IServiceProvider services, NotificationReceiver receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(receiver);
        var policy = run.Plan.Policy;
        var instance = await client.GetInstanceAsync(ProcedureIds.ForTarget(policy.Id), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Suspended })
        {
            run.Violation($"procedure {instance.InstanceId} never reached a terminal state: {instance.RuntimeStatus}, {instance.SerializedCustomStatus}");
        }
        else if (instance is not null && instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            run.Violation($"procedure {instance.InstanceId} ended {instance.RuntimeStatus} instead of with an outcome: {instance.FailureDetails?.ErrorMessage}");
        }

        var procedures = await services.GetRequiredService<IProcedureHistory>().ListAsync(policy.Id, HistoryLimit, cancellationToken).ConfigureAwait(false);
        CheckProcedures(run, procedures, receiver.OutcomesOf(policy.Id));
        var logged = await services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, HistoryLimit, cancellationToken).ConfigureAwait(false);
        foreach (var decision in run.Decisions.Where(d => !logged.Any(l => Same(l, d))))
        {
            run.Violation($"decision {decision.Kind}/{decision.Outcome} of {decision.DecidedAt:O} not in the decision log: {decision.Reason}");
        }

        var stored = await services.GetRequiredService<IPolicyStore>().GetAsync(policy.Id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            run.Violation("the policy is no longer stored");
        }
        else if (JsonSerializer.Serialize(stored.Policy, ScalewiseJson.Options) != JsonSerializer.Serialize(policy, ScalewiseJson.Options))
        {
            run.Violation("the stored policy differs from the one the run stored");
        }

        var (minimum, maximum) = Bounds(policy);
        if (run.ScaleSet.Capacity < minimum || run.ScaleSet.Capacity > maximum)
        {
            run.Violation($"final capacity {run.ScaleSet.Capacity} outside the policy's bounds {minimum}..{maximum}");
        }
    }

    private static void CheckProcedures(CampaignRun run, IReadOnlyList<ProcedureRecord> procedures, IReadOnlyList<string> notified)
    {
        foreach (var procedure in procedures)
        {
            var outcome = procedure.Outcome?.ToString() ?? "Running";
            run.ProceduresByOutcome[outcome] = run.ProceduresByOutcome.GetValueOrDefault(outcome) + 1;
            if (procedure.Outcome is null || procedure.EndedAt is null)
            {
                run.Violation($"procedure of {procedure.StartedAt:O} recorded without a terminal outcome");
            }
        }

        foreach (var created in UnrecordedExecutions(run.Executions, procedures))
        {
            run.Violation($"the procedure created at {created:HH:mm:ss.fff} ran but is not recorded (recorded: {string.Join(", ", procedures.Select(p => $"{p.StartedAt:HH:mm:ss.fff} {p.Outcome}"))})");
        }

        var ordered = procedures.OrderBy(p => p.StartedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].EndedAt is { } ended && ended > ordered[i].StartedAt)
            {
                run.Violation($"procedures of {ordered[i - 1].StartedAt:O} and {ordered[i].StartedAt:O} overlapped on one resource");
            }
        }

        foreach (var group in procedures.Where(p => p.Outcome is not null).GroupBy(p => p.Outcome!.Value.ToString()))
        {
            var received = notified.Count(o => o == group.Key);
            if (received < group.Count())
            {
                run.Violation($"{group.Count()} procedures ended {group.Key} but {received} such notifications arrived");
            }
        }
    }

    /// <summary>
    /// Executions seen running that no record matches: each needs its own record, started from a second before it was
    /// created to <see cref="StartSlack"/> after (a busy machine may take that long to run its first step).
    /// </summary>
    private static List<DateTimeOffset> UnrecordedExecutions(IEnumerable<DateTimeOffset> executions, IReadOnlyList<ProcedureRecord> procedures)
    {
        var unmatched = procedures.Select(p => p.StartedAt).Order().ToList();
        var lost = new List<DateTimeOffset>();
        foreach (var created in executions.Order())
        {
            var match = unmatched.FindIndex(started => started >= created - TimeSpan.FromSeconds(1) && started <= created + StartSlack);
            if (match < 0)
            {
                lost.Add(created);
            }
            else
            {
                unmatched.RemoveAt(match);
            }
        }

        return lost;
    }

    /// <summary>How long after its creation (real time) a procedure may record its start: longer than any planned host stop.</summary>
    private static readonly TimeSpan StartSlack = TimeSpan.FromSeconds(60);

    private static bool Same(ScalingDecision logged, ScalingDecision made) =>
        logged.Kind == made.Kind && logged.Outcome == made.Outcome && (logged.DecidedAt - made.DecidedAt).Duration() < TimeSpan.FromMilliseconds(1);
}
