using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;
using static Scalewise.Orchestrations.Procedures.RedisEnterpriseSteps;

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
    public static Task<VerticalProcedureResult> RunAsync(TaskOrchestrationContext context, VerticalProcedureInput input) =>
        RunGuardedAsync(context, input, (journal, guard) => RunStepsAsync(journal, input, guard));

    private static async Task<ProcedureEnd> RunStepsAsync(ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard)
    {
        var to = input.ToSku;
        var from = guard.CurrentSku;

        var before = await ReadClusterAsync(journal);
        string? refusal = null;
        if (await PrepareAsync(async () => { refusal = RedisEnterpriseSkus.Refusal(await CheckSkuAsync(journal, from, to), from, to); return null; }) is { } notChecked)
        {
            return await FailedBeforeChangeAsync(journal, notChecked);
        }

        if (refusal is not null)
        {
            return await NotStartedAsync(journal, ProcedureOutcome.Cancelled, $"Not started: {refusal}.");
        }

        if (await ApproveAsync(journal, input.ApprovalTimeout, input.PollInterval, $"{journal.Progress.Move}: {input.Reason}") is { } answered)
        {
            return answered;
        }

        var wanted = new RedisEnterpriseSkuChange(input.TargetResourceId, to, RedisEnterpriseSkus.CapacityFor(to, before.Capacity));
        var (verified, failure) = await ChangeAsync(journal, () => MoveAsync(journal, input, wanted), input.WarmUp, "the cluster to settle", () => VerifyAsync(journal, nameof(VerticalActivities.VerifyRedisEnterprise), wanted));
        if (verified is null)
        {
            return await RollBackAsync(journal, input, guard, new RedisEnterpriseSkuChange(input.TargetResourceId, from, before.Capacity), failure);
        }

        await RecordScaleTimeAsync(journal, guard.Direction, guard.CurrentCapacity);
        return await FinishAsync(journal, ProcedureOutcome.Succeeded, $"Scaled {from} → {to}: verified ({verified.Detail}).", finalSku: to);
    }

    private static async Task<ProcedureEnd> RollBackAsync(ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard, RedisEnterpriseSkuChange back, string failure)
    {
        var from = back.Sku;
        try
        {
            var started = journal.Now();
            var current = await WaitForClusterAsync(journal, input);
            if (string.Equals(current.SkuName, from, StringComparison.OrdinalIgnoreCase))
            {
                journal.AddStep(Rollback, started, $"nothing to undo: the cluster is still {from} ({current.ProvisioningState})");
                await RecordScaleTimeAsync(journal, guard.Direction, guard.CurrentCapacity);
                return await RolledBackAsync(journal, from, failure, finalSku: from);
            }

            var offered = await journal.Context.CallActivityAsync<IReadOnlyList<RedisEnterpriseSkuOption>>(nameof(VerticalActivities.ListRedisEnterpriseSkus), input.TargetResourceId, ArmRetry);
            if (RedisEnterpriseSkus.Refusal(offered, current.SkuName, from) is { } refused)
            {
                journal.AddStep(Rollback, started, $"rollback not possible: the cluster is {current.SkuName} and {refused}");
                var error = $"{failure}; rollback not possible: {refused}";
                return await FinishAsync(journal, ProcedureOutcome.Failed, $"Failed, and the cluster stays {current.SkuName}: {error}.", error, finalSku: current.SkuName);
            }

            journal.AddStep(Rollback, started, $"the cluster is {current.SkuName} ({current.ProvisioningState}); scaling back to {from}");
            var undone = await MoveAsync(journal, input, back);
            await RecordScaleTimeAsync(journal, guard.Direction, guard.CurrentCapacity);
            return undone is null
                ? await RolledBackAsync(journal, from, failure, finalSku: from)
                : await FailedAsync(journal, $"{failure}; rollback to {from} did not complete: {undone}", finalSku: from);
        }
        catch (TaskFailedException ex)
        {
            return await RollbackFailedAsync(journal, failure, ex, finalSku: from);
        }
    }
}
