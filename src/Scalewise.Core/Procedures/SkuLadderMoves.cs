using Scalewise.Core.Pricing;

namespace Scalewise.Core.Procedures;

/// <summary>Where SKUs sit on a vertical policy's ladder (its own, or the target kind's default) and how far apart they are.</summary>
public static class SkuLadderMoves
{
    public static IReadOnlyList<SkuRung> LadderOf(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Ladder ?? DefaultSkuLadders.For(policy.Target.Kind);
    }

    /// <summary>The rung index of <paramref name="sku"/> (case-insensitive), or null when the ladder does not have it.</summary>
    public static int? IndexOf(IReadOnlyList<SkuRung> ladder, string? sku)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        for (var i = 0; i < ladder.Count; i++)
        {
            if (string.Equals(ladder[i].Name, sku, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Rungs from <paramref name="from"/> to <paramref name="to"/> (negative going down); null when either is off the ladder.</summary>
    public static int? Steps(IReadOnlyList<SkuRung> ladder, string? from, string? to) =>
        IndexOf(ladder, from) is { } a && IndexOf(ladder, to) is { } b ? b - a : null;

    /// <summary>
    /// Whether a move of <paramref name="from"/> → <paramref name="to"/> on the policy's ladder waits for a person: when it
    /// is more rungs than the policy's approval threshold, or when either end is off the ladder (nobody priced the jump).
    /// </summary>
    public static bool RequiresApproval(ScalingPolicy policy, string? from, string to)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Approval is not { } approval)
        {
            return false;
        }

        return Steps(LadderOf(policy), from, to) is not { } steps || approval.RequiresForSkuSteps(steps);
    }

    /// <summary>True for the target kinds a procedure changes by SKU rather than by instance count.</summary>
    public static bool IsVerticalKind(TargetKind kind) => kind is TargetKind.VirtualMachine or TargetKind.RedisCache or TargetKind.RedisEnterprise;
}
