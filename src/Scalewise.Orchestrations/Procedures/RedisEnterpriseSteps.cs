using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What <see cref="RedisEnterpriseScaleProcedure"/> adds to <see cref="ProcedureSteps"/> for an Azure Managed Redis cluster:
/// check the SKU against <c>listSkusForScaling</c>, move to a SKU and wait for provisioning, read and wait for the cluster.
/// </summary>
internal static class RedisEnterpriseSteps
{
    /// <summary>Asks for the SKU and waits for provisioning; null when the cluster reached it Succeeded, else what failed.</summary>
    public static async Task<string?> MoveAsync(ProcedureJournal journal, VerticalProcedureInput input, RedisEnterpriseSkuChange change)
    {
        var label = change.Capacity is { } capacity ? $"SKU {change.Sku} capacity {capacity}" : $"SKU {change.Sku}";
        var applied = await journal.RunStepAsync(Apply, () => ApplyAsync(journal, Apply, nameof(VerticalActivities.ScaleRedisEnterprise), change), a => a.Accepted ? $"{label}: {a.Detail}" : $"{label}: gave up after {ApplyAttempts} attempts: {a.Detail}");
        if (!applied.Accepted)
        {
            return $"ARM did not accept {label}: {applied.Detail}";
        }

        var reached = await journal.RunStepAsync(WaitForProvisioning, () => WaitForClusterAsync(journal, input), c => Describe(c, input.ProvisioningTimeout));
        return ProvisioningStates.IsSucceeded(reached.ProvisioningState) && string.Equals(reached.SkuName, change.Sku, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{label} did not complete: {Describe(reached, input.ProvisioningTimeout)}";
    }

    public static Task<IReadOnlyList<RedisEnterpriseSkuOption>> CheckSkuAsync(ProcedureJournal journal, string from, string to) =>
        journal.RunStepAsync(
            CheckSku,
            () => journal.Context.CallActivityAsync<IReadOnlyList<RedisEnterpriseSkuOption>>(nameof(VerticalActivities.ListRedisEnterpriseSkus), journal.TargetResourceId, ArmRetry),
            o => RedisEnterpriseSkus.Refusal(o, from, to) is { } why ? $"refused: {why}" : $"{to} is among the {o.Count} SKUs listSkusForScaling returns");

    public static Task<RedisEnterpriseState> ReadClusterAsync(ProcedureJournal journal) =>
        journal.Context.CallActivityAsync<RedisEnterpriseState>(nameof(VerticalActivities.ReadRedisEnterprise), journal.TargetResourceId, ArmRetry);

    public static Task<RedisEnterpriseState> WaitForClusterAsync(ProcedureJournal journal, VerticalProcedureInput input) =>
        PollAsync<RedisEnterpriseState>(journal, WaitForProvisioning, nameof(VerticalActivities.ReadRedisEnterprise), input.TargetResourceId, input.PollInterval, input.ProvisioningTimeout, c => c.IsProvisioningTerminal, c => $"{c.SkuName}, {c.ProvisioningState}");

    public static string Describe(RedisEnterpriseState cluster, TimeSpan budget) => cluster.IsProvisioningTerminal
        ? $"{cluster.SkuName}, {cluster.ProvisioningState}"
        : $"{cluster.SkuName}, still {cluster.ProvisioningState} when the {budget.TotalMinutes:0.#} min budget ran out";
}
