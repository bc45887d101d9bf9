using Scalewise.Core.Redis;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;
using static Scalewise.Orchestrations.Procedures.RedisCacheSteps;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Scales an Azure Cache for Redis (<c>Microsoft.Cache/redis</c>): guard → plan the allowed moves (<see cref="RedisMoveVerdict"/>)
/// → approval → export (Premium) → per move: apply, wait for provisioning within the move's time budget → verify (SKU,
/// server load and used memory) → notify → record. On failure it plans back to the old SKU where Azure allows; where it
/// does not (a lower tier), history says "rollback not possible" and the procedure ends Failed.
/// </summary>
public static class RedisScaleProcedure
{
    public static Task<VerticalProcedureResult> RunAsync(TaskOrchestrationContext context, VerticalProcedureInput input) =>
        RunGuardedAsync(context, input, (journal, guard) => RunStepsAsync(journal, input, guard));

    private static async Task<ProcedureEnd> RunStepsAsync(ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard)
    {
        var from = (await ReadCacheAsync(journal)).Sku;
        var verdict = RedisMoveVerdict.For(from, input.ToSku, guard.AcceptDataLoss);
        journal.AddStep(Plan, journal.Now(), verdict.Summary);
        if (!verdict.IsAllowed)
        {
            return await NotStartedAsync(journal, ProcedureOutcome.Cancelled, $"Not started: {verdict.Refusal}.");
        }

        if (await ApproveAsync(journal, input.ApprovalTimeout, input.PollInterval, $"{journal.Progress.Move}: {input.Reason}") is { } answered)
        {
            return answered;
        }

        if (from.Tier == RedisTier.Premium && await PrepareAsync(() => ExportAsync(journal, input)) is { } notExported)
        {
            return await FailedBeforeChangeAsync(journal, notExported);
        }

        var expected = new RedisScaleChange(input.PolicyId, input.TargetResourceId, verdict.Wanted!);
        var (verified, failure) = await ChangeAsync(journal, () => MoveAsync(journal, input, verdict.Plan!.Steps), input.WarmUp, "the cache to settle", () => VerifyAsync(journal, nameof(VerticalActivities.VerifyRedisCache), expected));
        if (verified is null)
        {
            return await RollBackAsync(journal, input, guard, from, failure);
        }

        await RecordScaleTimeAsync(journal, guard.Direction, guard.CurrentCapacity);
        return await FinishAsync(journal, ProcedureOutcome.Succeeded, $"Scaled {from} → {verdict.Wanted}: verified ({verified.Detail}).", finalSku: input.ToSku);
    }

    private static async Task<ProcedureEnd> RollBackAsync(ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard, RedisSku from, string failure)
    {
        var fromName = guard.CurrentSku;
        try
        {
            var started = journal.Now();
            var current = await WaitForCacheAsync(journal, input, input.ProvisioningTimeout);
            var back = RedisMovePlanner.Plan(current.Sku, from);
            if (!back.IsAllowed)
            {
                journal.AddStep(Rollback, started, $"rollback not possible: the cache is {current.Sku} and cannot return to {from}: {back.Refusal}");
                var error = $"{failure}; rollback not possible ({back.RefusedBy}): {back.Refusal}";
                return await FinishAsync(journal, ProcedureOutcome.Failed, $"Failed, and the cache stays {current.Sku}: {error}.", error, finalSku: RedisSkuNames.NameOf(current.Sku));
            }

            journal.AddStep(Rollback, started, back.Steps.Count == 0 ? $"nothing to undo: the cache is still {from} ({current.ProvisioningState})" : $"{back.Steps.Count} operation(s) back to {from}: {string.Join(" | ", back.Steps.Select(s => s.Reason))}");
            var undone = await MoveAsync(journal, input, back.Steps);
            await RecordScaleTimeAsync(journal, guard.Direction, guard.CurrentCapacity);
            return undone is null
                ? await RolledBackAsync(journal, $"{from}", failure, finalSku: fromName)
                : await FailedAsync(journal, $"{failure}; rollback to {from} did not complete: {undone}", finalSku: fromName);
        }
        catch (TaskFailedException ex)
        {
            return await RollbackFailedAsync(journal, failure, ex, finalSku: fromName);
        }
    }
}
