using Scalewise.Core.Redis;

namespace Scalewise.Core.Procedures;

/// <summary>
/// Whether an Azure Cache for Redis may move from its SKU to the one asked for, and how: the SKU wanted, the plan of allowed
/// single operations (<see cref="RedisMovePlanner"/>), or why not (<see cref="Refusal"/>, as the history's "plan" step shows it).
/// </summary>
public sealed record RedisMoveVerdict(RedisSku? Wanted, RedisMovePlan? Plan, string? Refusal)
{
    public bool IsAllowed => Refusal is null;

    /// <summary>The refusal, or the plan's operations and their time budget (policy time).</summary>
    public string Summary => Refusal ?? string.Create(
        CultureInfo.InvariantCulture,
        $"{Plan!.Steps.Count} operation(s), budget {Plan.TotalTimeBudget.TotalMinutes:0} min: {string.Join(" | ", Plan.Steps.Select(s => s.Reason))}");

    /// <summary>
    /// Refuses a name that is not a Redis size, a move Azure does not allow (naming the rule), and a move that loses data
    /// (resizing a Basic cache) unless the policy accepts data loss.
    /// </summary>
    public static RedisMoveVerdict For(RedisSku from, string toSku, bool acceptDataLoss)
    {
        ArgumentNullException.ThrowIfNull(from);
        var wanted = RedisSkuNames.Parse(toSku, from.ShardCount, out var parseError);
        if (wanted is null)
        {
            return new(null, null, $"refused: {parseError}");
        }

        var plan = RedisMovePlanner.Plan(from, wanted);
        var refusal = !plan.IsAllowed ? $"refused by rule {plan.RefusedBy}: {plan.Refusal}"
            : plan.LosesData && !acceptDataLoss ? $"refused: {string.Join(" ", plan.Steps.Where(s => s.LosesData).Select(s => s.Reason))} The policy does not accept data loss (set acceptDataLoss to resize a Basic cache)."
            : null;
        return new(wanted, plan, refusal);
    }
}
