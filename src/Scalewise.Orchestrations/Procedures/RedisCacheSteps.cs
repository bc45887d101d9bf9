using Scalewise.Core.Redis;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What <see cref="RedisScaleProcedure"/> adds to <see cref="ProcedureSteps"/> for an Azure Cache for Redis: run the planned
/// moves one at a time within each move's time budget, export before scaling a Premium cache, read and wait for the cache.
/// </summary>
internal static class RedisCacheSteps
{
    /// <summary>Runs the moves one at a time; null when each reached Succeeded at its SKU, else what failed.</summary>
    public static async Task<string?> MoveAsync(ProcedureJournal journal, VerticalProcedureInput input, IReadOnlyList<RedisMoveStep> moves)
    {
        for (var i = 0; i < moves.Count; i++)
        {
            var (move, label) = (moves[i], $"{i + 1}/{moves.Count} {moves[i].From} → {moves[i].To}");
            var change = new RedisScaleChange(input.PolicyId, input.TargetResourceId, move.To);
            var applied = await journal.RunStepAsync(Apply, () => ApplyAsync(journal, Apply, nameof(VerticalActivities.ScaleRedisCache), change), a => a.Accepted ? $"{label}: {a.Detail}" : $"{label}: gave up after {ApplyAttempts} attempts: {a.Detail}");
            if (!applied.Accepted)
            {
                return $"ARM did not accept {label}: {applied.Detail}";
            }

            var budget = move.TimeBudgetAt(input.ShardTimeBudget ?? RedisMovePlanner.TimeBudgetPerShard);
            var reached = await journal.RunStepAsync(WaitForProvisioning, () => WaitForCacheAsync(journal, input, budget), c => $"{label}: {Describe(c, budget)}");
            if (!ProvisioningStates.IsSucceeded(reached.ProvisioningState) || reached.Sku != move.To)
            {
                return $"{label} did not complete: {Describe(reached, budget)}";
            }
        }

        return null;
    }

    public static async Task<string?> ExportAsync(ProcedureJournal journal, VerticalProcedureInput input)
    {
        var export = await journal.RunStepAsync(
            Export,
            async () =>
            {
                var prefix = $"scalewise-{journal.Context.CurrentUtcDateTime:yyyyMMddHHmmss}";
                var statusUrl = await journal.Context.CallActivityAsync<string?>(nameof(VerticalActivities.ExportRedisCache), new RedisExportRequest(input.TargetResourceId, prefix), ArmRetry);
                if (statusUrl is null)
                {
                    // ARM answered 200 or 204: the export is done, there is nothing to poll.
                    return new ArmOperationStatus(string.Empty, ProvisioningStates.Succeeded, null, null, null, null);
                }

                return await PollAsync<ArmOperationStatus>(journal, Export, nameof(VerticalActivities.ReadArmOperation), statusUrl, input.PollInterval, input.ProvisioningTimeout, s => s.IsTerminal, s => $"export {s.Status}");
            },
            s => $"{s.Status}{(s.ErrorMessage is null ? string.Empty : $": {s.ErrorMessage}")}");
        return export.IsSucceeded ? null : $"the export before scaling did not succeed ({export.Status} {export.ErrorCode} {export.ErrorMessage})".TrimEnd();
    }

    public static Task<RedisCacheState> ReadCacheAsync(ProcedureJournal journal) =>
        journal.Context.CallActivityAsync<RedisCacheState>(nameof(VerticalActivities.ReadRedisCache), journal.TargetResourceId, ArmRetry);

    public static Task<RedisCacheState> WaitForCacheAsync(ProcedureJournal journal, VerticalProcedureInput input, TimeSpan budget) =>
        PollAsync<RedisCacheState>(journal, WaitForProvisioning, nameof(VerticalActivities.ReadRedisCache), input.TargetResourceId, input.PollInterval, budget, c => c.IsProvisioningTerminal, c => $"{c.Sku}, {c.ProvisioningState}");

    public static string Describe(RedisCacheState cache, TimeSpan budget) => cache.IsProvisioningTerminal
        ? $"{cache.Sku}, {cache.ProvisioningState}"
        : $"{cache.Sku}, still {cache.ProvisioningState} when the {budget.TotalMinutes:0.#} min budget ran out";
}
