namespace Scalewise.Core.Decisions;

/// <summary>What Scalewise remembers about a target between ticks: when it last scaled each way.</summary>
/// <remarks>
/// The init-only members are what the engine also needs from the tick's caller: instances still warming up (they are
/// not counted), the target's current SKU (for ladders and prices), recent recommendations (for scale-in
/// stabilization, see <see cref="ScalingDecision.RecommendedCapacity"/>) and how many ticks in a row had no metrics.
/// </remarks>
public sealed record TargetState(string PolicyId, DateTimeOffset? LastScaleOutAt, DateTimeOffset? LastScaleInAt, int? LastKnownCapacity)
{
    public int WarmingInstances { get; init; }

    public string? CurrentSku { get; init; }

    public IReadOnlyList<CapacityRecommendation> RecentRecommendations { get; init; } = [];

    /// <summary>Ticks in a row before this one on which no metric had data.</summary>
    public int ConsecutiveMetricFailures { get; init; }

    public static TargetState Empty(string policyId) => new(policyId, null, null, null);
}
