using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Core.Redis;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.VerticalProcedureSteps;
using static Scalewise.Orchestrations.Procedures.VerticalStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Scales an Azure Cache for Redis (<c>Microsoft.Cache/redis</c>): guard → plan the allowed moves (<see cref="RedisMovePlanner"/>)
/// → approval → export (Premium) → per move: apply, wait for provisioning within the move's time budget → verify (SKU,
/// server load and used memory) → notify → record. On failure it plans back to the old SKU where Azure allows; where it
/// does not (a lower tier), history says "rollback not possible" and the procedure ends Failed.
/// </summary>
public static class RedisScaleProcedure
{
    public static async Task<VerticalProcedureResult> RunAsync(TaskOrchestrationContext context, VerticalProcedureInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var journal = CreateJournal(context, input);
        var cacheId = input.TargetResourceId;

        var guard = await GuardAsync(context, journal, input);
        var fromName = guard.CurrentSku;
        if (!guard.Allowed)
        {
            return await FinishAsync(context, journal, ProcedureOutcome.Cancelled, fromName, input.ToSku, fromName, $"Not started: {guard.Reason}.");
        }

        var cache = await context.CallActivityAsync<RedisCacheState>(nameof(VerticalActivities.ReadRedisCache), cacheId, ScaleProcedure.ArmRetry);
        var from = cache.Sku;
        var wanted = RedisSkuNames.Parse(input.ToSku, from.ShardCount, out var parseError);
        var plan = wanted is null ? null : RedisMovePlanner.Plan(from, wanted);
        var planStarted = journal.Now();
        var refusal = wanted is null ? $"refused: {parseError}"
            : !plan!.IsAllowed ? $"refused by rule {plan.RefusedBy}: {plan.Refusal}"
            : plan.LosesData && !guard.AcceptDataLoss ? $"refused: {string.Join(" ", plan.Steps.Where(s => s.LosesData).Select(s => s.Reason))} The policy does not accept data loss (set acceptDataLoss to resize a Basic cache)."
            : null;
        journal.AddStep(Plan, planStarted, refusal ?? $"{plan!.Steps.Count} operation(s), budget {plan.TotalTimeBudget.TotalMinutes:0} min: {string.Join(" | ", plan.Steps.Select(s => s.Reason))}");
        if (refusal is not null)
        {
            return await FinishAsync(context, journal, ProcedureOutcome.Cancelled, fromName, input.ToSku, fromName, $"Not started: {refusal}.");
        }

        if (await ApproveAsync(context, journal, input, fromName) is { } answer)
        {
            return await FinishAsync(context, journal, answer.Outcome, fromName, input.ToSku, fromName, answer.Summary);
        }

        if (from.Tier == RedisTier.Premium)
        {
            string? exportFailure;
            try
            {
                var export = await journal.RunStepAsync(Export, () => ExportAsync(context, input), s => $"{s.Status}{(s.ErrorMessage is null ? string.Empty : $": {s.ErrorMessage}")}");
                exportFailure = export.IsSucceeded ? null : $"the export before scaling did not succeed ({export.Status} {export.ErrorCode} {export.ErrorMessage})".TrimEnd();
            }
            catch (TaskFailedException ex)
            {
                exportFailure = VerticalProcedureSteps.Describe(ex);
            }

            if (exportFailure is not null)
            {
                return await FinishAsync(context, journal, ProcedureOutcome.Failed, fromName, input.ToSku, fromName, $"Failed before any change: {exportFailure}.", exportFailure);
            }
        }

        string failure;
        try
        {
            failure = await MoveAsync(context, journal, input, plan!.Steps) ?? string.Empty;
            if (failure.Length == 0)
            {
                await journal.RunStepAsync(WarmUp, () => context.CreateTimer(input.WarmUp, CancellationToken.None), $"waited {input.WarmUp.TotalSeconds:0} s for the cache to settle");
                var verification = await journal.RunStepAsync(Verify, () => context.CallActivityAsync<VerificationResult>(nameof(VerticalActivities.VerifyRedisCache), new RedisScaleChange(input.PolicyId, cacheId, wanted!), ScaleProcedure.ArmRetry), v => v.Passed ? $"passed: {v.Detail}" : $"failed: {v.Detail}");
                if (verification.Passed)
                {
                    await RecordScaleTimeAsync(context, input, guard);
                    return await FinishAsync(context, journal, ProcedureOutcome.Succeeded, fromName, input.ToSku, input.ToSku, $"Scaled {from} → {wanted}: verified ({verification.Detail}).");
                }

                failure = $"verification failed: {verification.Detail}";
            }
        }
        catch (TaskFailedException ex)
        {
            failure = VerticalProcedureSteps.Describe(ex);
        }

        return await RollBackAsync(context, journal, input, guard, from, failure);
    }

    /// <summary>Runs the moves one at a time; null when each reached Succeeded at its SKU, else what failed.</summary>
    private static async Task<string?> MoveAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, IReadOnlyList<RedisMoveStep> moves)
    {
        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            var label = $"{i + 1}/{moves.Count} {move.From} → {move.To}";
            var applied = await journal.RunStepAsync(Apply, () => RunDeferrableAsync(context, Apply, nameof(VerticalActivities.ScaleRedisCache), new RedisScaleChange(input.PolicyId, input.TargetResourceId, move.To)), a => a.Accepted ? $"{label}: {a.Detail}" : $"{label}: gave up after {ScaleProcedure.ApplyAttempts} attempts: {a.Detail}");
            if (!applied.Accepted)
            {
                return $"ARM did not accept {label}: {applied.Detail}";
            }

            var budget = Compress(move.TimeBudget, input.TimeCompression);
            var reached = await journal.RunStepAsync(WaitForProvisioning, () => WaitForCacheAsync(context, input, budget), c => $"{label}: {Describe(c, budget)}");
            if (!IsSucceeded(reached) || reached.Sku != move.To)
            {
                return $"{label} did not complete: {Describe(reached, budget)}";
            }
        }

        return null;
    }

    private static async Task<VerticalProcedureResult> RollBackAsync(TaskOrchestrationContext context, ProcedureJournal journal, VerticalProcedureInput input, VerticalGuardOutcome guard, RedisSku from, string failure)
    {
        var fromName = guard.CurrentSku;
        try
        {
            var started = journal.Now();
            var current = await WaitForCacheAsync(context, input, input.ProvisioningTimeout);
            var back = RedisMovePlanner.Plan(current.Sku, from);
            if (!back.IsAllowed)
            {
                journal.AddStep(Rollback, started, $"rollback not possible: the cache is {current.Sku} and cannot return to {from}: {back.Refusal}");
                var error = $"{failure}; rollback not possible ({back.RefusedBy}): {back.Refusal}";
                return await FinishAsync(context, journal, ProcedureOutcome.Failed, fromName, input.ToSku, RedisSkuNames.NameOf(current.Sku), $"Failed, and the cache stays {current.Sku}: {error}.", error);
            }

            journal.AddStep(Rollback, started, back.Steps.Count == 0 ? $"nothing to undo: the cache is still {from} ({current.ProvisioningState})" : $"{back.Steps.Count} operation(s) back to {from}: {string.Join(" | ", back.Steps.Select(s => s.Reason))}");
            var undone = await MoveAsync(context, journal, input, back.Steps);
            await RecordScaleTimeAsync(context, input, guard);
            if (undone is null)
            {
                return await FinishAsync(context, journal, ProcedureOutcome.RolledBack, fromName, input.ToSku, fromName, $"Rolled back to {from}: {failure}.", failure);
            }

            var incomplete = $"{failure}; rollback to {from} did not complete: {undone}";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, fromName, input.ToSku, fromName, $"Failed: {incomplete}.", incomplete);
        }
        catch (TaskFailedException ex)
        {
            var error = $"{failure}; rollback failed: {ex.FailureDetails.ErrorMessage}";
            return await FinishAsync(context, journal, ProcedureOutcome.Failed, fromName, input.ToSku, fromName, $"Failed: {error}.", error);
        }
    }

    private static async Task<ArmOperationStatus> ExportAsync(TaskOrchestrationContext context, VerticalProcedureInput input)
    {
        var prefix = $"scalewise-{context.CurrentUtcDateTime:yyyyMMddHHmmss}";
        var statusUrl = await context.CallActivityAsync<string>(nameof(VerticalActivities.ExportRedisCache), new RedisExportRequest(input.TargetResourceId, prefix), ScaleProcedure.ArmRetry);
        return await PollAsync(
            context,
            Export,
            input.PollInterval,
            input.ProvisioningTimeout,
            () => context.CallActivityAsync<ArmOperationStatus>(nameof(VerticalActivities.ReadArmOperation), statusUrl, ScaleProcedure.ArmRetry),
            s => s.IsTerminal,
            s => $"export {s.Status}");
    }

    private static Task<RedisCacheState> WaitForCacheAsync(TaskOrchestrationContext context, VerticalProcedureInput input, TimeSpan budget) =>
        PollAsync(
            context,
            WaitForProvisioning,
            input.PollInterval,
            budget,
            () => context.CallActivityAsync<RedisCacheState>(nameof(VerticalActivities.ReadRedisCache), input.TargetResourceId, ScaleProcedure.ArmRetry),
            c => c.IsProvisioningTerminal,
            c => $"{c.Sku}, {c.ProvisioningState}");

    private static Task<Scalewise.Core.Decisions.TargetState> RecordScaleTimeAsync(TaskOrchestrationContext context, VerticalProcedureInput input, VerticalGuardOutcome guard) =>
        context.CallActivityAsync<Scalewise.Core.Decisions.TargetState>(nameof(ProcedureActivities.RecordScaleTime), new ScaleTimeInput(input.PolicyId, guard.Direction, guard.CurrentCapacity), ScaleProcedure.StorageRetry);

    private static TimeSpan Compress(TimeSpan budget, double compression) =>
        compression <= 1 ? budget : TimeSpan.FromTicks((long)(budget.Ticks / compression));

    private static bool IsSucceeded(RedisCacheState cache) => string.Equals(cache.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase);

    private static string Describe(RedisCacheState cache, TimeSpan budget) => cache.IsProvisioningTerminal
        ? $"{cache.Sku}, {cache.ProvisioningState}"
        : $"{cache.Sku}, still {cache.ProvisioningState} when the {budget.TotalMinutes:0.#} min budget ran out";
}
