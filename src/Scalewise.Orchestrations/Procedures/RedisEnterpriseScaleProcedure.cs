using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.VerticalProcedureSteps;
using static Scalewise.Orchestrations.Procedures.VerticalStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Scales an Azure Managed Redis cluster (<c>Microsoft.Cache/redisEnterprise</c>): guard → check the SKU against what
/// <c>listSkusForScaling</c> returns (any other is refused, Cancelled, with the offered SKUs in the reason) → approval →
/// apply → wait for provisioning on durable timers → warm-up → verify (Succeeded, running, at the SKU) → notify → record.
/// On failure it waits for the cluster to settle and scales back to the old SKU when the cluster is elsewhere and
/// offers it; where it does not, history says "rollback not possible" and the procedure ends Failed.
/// </summary>
public static class RedisEnterpriseScaleProcedure
{
    public static async Task<VerticalProcedureResult> RunAsync(TaskOrchestrationContext context, VerticalProcedureInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var journal = CreateJournal(context, input);
        var clusterId = input.TargetResourceId;
        var to = input.ToSku;

        var guard = await GuardAsync(context, journal, input);
        var from = guard.CurrentSku;
        if (!guard.Allowed)
        {
            return await FinishAsync(context, journal, ProcedureOutcome.Cancelled, from, to, from, $"Not started: {guard.Reason}.");
        }

        var before = await context.CallActivityAsync<RedisEnterpriseState>(nameof(VerticalActivities.ReadRedisEnterprise), clusterId, ScaleProcedure.ArmRetry);
        string? refusal;
        try
        {
            var offered = await journal.RunStepAsync(
                CheckSku,
                () => context.CallActivityAsync<IReadOnlyList<RedisEnterpriseSkuOption>>(nameof(VerticalActivities.ListRedisEnterpriseSkus), clusterId, ScaleProcedure.ArmRetry),
                o => RedisEnterpriseSkus.Refusal(o, from, to) is { } why ? $"refused: {why}" : $"{to} is among the {o.Count} SKUs listSkusForScaling returns");
            refusal = RedisEnterpriseSkus.Refusal(offered, from, to);
        }
        catch (TaskFailedException ex)
        {
            var error = VerticalProcedureSteps.Describe(ex);
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, from, to, from, $"Failed before any change: {error}.", error);
        }

        if (refusal is not null)
        {
            return await FinishAsync(context, journal, ProcedureOutcome.Cancelled, from, to, from, $"Not started: {refusal}.");
        }

        if (await ApproveAsync(context, journal, input, from) is { } answer)
        {
            return await FinishAsync(context, journal, answer.Outcome, from, to, from, answer.Summary);
        }

        var wanted = new RedisEnterpriseSkuChange(clusterId, to, RedisEnterpriseSkus.CapacityFor(to, before.Capacity));
        string failure;
        try
        {
            failure = await MoveAsync(context, journal, input, wanted) ?? string.Empty;
            if (failure.Length == 0)
            {
                await journal.RunStepAsync(WarmUp, () => context.CreateTimer(input.WarmUp, CancellationToken.None), $"waited {input.WarmUp.TotalSeconds:0} s for the cluster to settle");
                var verification = await journal.RunStepAsync(Verify, () => context.CallActivityAsync<VerificationResult>(nameof(VerticalActivities.VerifyRedisEnterprise), wanted, ScaleProcedure.ArmRetry), v => v.Passed ? $"passed: {v.Detail}" : $"failed: {v.Detail}");
                if (verification.Passed)
                {
                    await RecordScaleTimeAsync(context, input, guard);
                    return await FinishAsync(context, journal, ProcedureOutcome.Succeeded, from, to, to, $"Scaled {from} → {to}: verified ({verification.Detail}).");
                }

                failure = $"verification failed: {verification.Detail}";
            }
        }
        catch (TaskFailedException ex)
        {
            failure = VerticalProcedureSteps.Describe(ex);
        }

        return await RollBackAsync(context, journal, input, guard, new RedisEnterpriseSkuChange(clusterId, from, before.Capacity), failure);
    }

    /// <summary>Asks for the SKU and waits for provisioning; null when the cluster reached it Succeeded, else what failed.</summary>
    private static async Task<string?> MoveAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, RedisEnterpriseSkuChange change)
    {
        var label = Label(change);
        var applied = await journal.RunStepAsync(Apply, () => RunDeferrableAsync(context, Apply, nameof(VerticalActivities.ScaleRedisEnterprise), change), a => a.Accepted ? $"{label}: {a.Detail}" : $"{label}: gave up after {ScaleProcedure.ApplyAttempts} attempts: {a.Detail}");
        if (!applied.Accepted)
        {
            return $"ARM did not accept {label}: {applied.Detail}";
        }

        var reached = await journal.RunStepAsync(WaitForProvisioning, () => WaitForClusterAsync(context, input), c => Describe(c, input.ProvisioningTimeout));
        return IsSucceeded(reached) && string.Equals(reached.SkuName, change.Sku, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{label} did not complete: {Describe(reached, input.ProvisioningTimeout)}";
    }

    private static async Task<VerticalProcedureResult> RollBackAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard, RedisEnterpriseSkuChange back, string failure)
    {
        var from = back.Sku;
        try
        {
            var started = journal.Now();
            var current = await WaitForClusterAsync(context, input);
            if (string.Equals(current.SkuName, from, StringComparison.OrdinalIgnoreCase))
            {
                journal.AddStep(Rollback, started, $"nothing to undo: the cluster is still {from} ({current.ProvisioningState})");
                await RecordScaleTimeAsync(context, input, guard);
                return await FinishAsync(context, journal, ProcedureOutcome.RolledBack, from, input.ToSku, from, $"Rolled back to {from}: {failure}.", failure);
            }

            var offered = await context.CallActivityAsync<IReadOnlyList<RedisEnterpriseSkuOption>>(nameof(VerticalActivities.ListRedisEnterpriseSkus), input.TargetResourceId, ScaleProcedure.ArmRetry);
            if (RedisEnterpriseSkus.Refusal(offered, current.SkuName, from) is { } refused)
            {
                journal.AddStep(Rollback, started, $"rollback not possible: the cluster is {current.SkuName} and {refused}");
                var error = $"{failure}; rollback not possible: {refused}";
                return await FinishAsync(context, journal, ProcedureOutcome.Failed, from, input.ToSku, current.SkuName, $"Failed, and the cluster stays {current.SkuName}: {error}.", error);
            }

            journal.AddStep(Rollback, started, $"the cluster is {current.SkuName} ({current.ProvisioningState}); scaling back to {from}");
            var undone = await MoveAsync(context, journal, input, back);
            await RecordScaleTimeAsync(context, input, guard);
            if (undone is null)
            {
                return await FinishAsync(context, journal, ProcedureOutcome.RolledBack, from, input.ToSku, from, $"Rolled back to {from}: {failure}.", failure);
            }

            var incomplete = $"{failure}; rollback to {from} did not complete: {undone}";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, from, input.ToSku, from, $"Failed: {incomplete}.", incomplete);
        }
        catch (TaskFailedException ex)
        {
            var error = $"{failure}; rollback failed: {ex.FailureDetails.ErrorMessage}";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, from, input.ToSku, from, $"Failed: {error}.", error);
        }
    }

    private static Task<RedisEnterpriseState> WaitForClusterAsync(TaskOrchestrationContext context, VerticalProcedureInput input) =>
        PollAsync(
            context,
            WaitForProvisioning,
            input.PollInterval,
            input.ProvisioningTimeout,
            () => context.CallActivityAsync<RedisEnterpriseState>(nameof(VerticalActivities.ReadRedisEnterprise), input.TargetResourceId, ScaleProcedure.ArmRetry),
            c => c.IsProvisioningTerminal,
            c => $"{c.SkuName}, {c.ProvisioningState}");

    private static Task<Scalewise.Core.Decisions.TargetState> RecordScaleTimeAsync(TaskOrchestrationContext context, VerticalProcedureInput input, VerticalGuardOutcome guard) =>
        context.CallActivityAsync<Scalewise.Core.Decisions.TargetState>(nameof(ProcedureActivities.RecordScaleTime), new ScaleTimeInput(input.PolicyId, guard.Direction, guard.CurrentCapacity), ScaleProcedure.StorageRetry);

    private static string Label(RedisEnterpriseSkuChange change) =>
        change.Capacity is { } capacity ? $"SKU {change.Sku} capacity {capacity}" : $"SKU {change.Sku}";

    private static bool IsSucceeded(RedisEnterpriseState cluster) => string.Equals(cluster.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase);

    private static string Describe(RedisEnterpriseState cluster, TimeSpan budget) => cluster.IsProvisioningTerminal
        ? $"{cluster.SkuName}, {cluster.ProvisioningState}"
        : $"{cluster.SkuName}, still {cluster.ProvisioningState} when the {budget.TotalMinutes:0.#} min budget ran out";
}
