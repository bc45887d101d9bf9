using System.Text.Json.Serialization;
using Scalewise.Core.Targets;

namespace Scalewise.Core.Policies;

/// <summary>
/// How one target is sized. <see cref="Id"/> names the target in the HTTP API and in storage
/// (one policy per target). <see cref="WarmUp"/> is how long new capacity needs before it counts.
/// </summary>
/// <remarks>
/// <see cref="ScaleInStabilization"/> makes scale-in act on the highest recommendation over that window (HPA);
/// <see cref="FlappingProtection"/> refuses a scale-in that would make a scale-out rule fire (Azure autoscale);
/// <see cref="Ladder"/> is the SKU ladder of a vertical policy (the target kind's default ladder when null);
/// <see cref="MaxHourlyCost"/> caps what the target may cost per hour at the prices of its SKU.
/// </remarks>
public sealed record ScalingPolicy(
    int Version,
    string Id,
    ScaleTarget Target,
    CapacityBounds Capacity,
    IReadOnlyList<ScalingRule> Rules,
    TimeSpan WarmUp,
    PolicyMode Mode = PolicyMode.Active,
    string? Description = null,
    IReadOnlyList<TargetTrackingRule>? TargetTracking = null,
    IReadOnlyList<SkuRung>? Ladder = null,
    TimeSpan? ScaleInStabilization = null,
    bool FlappingProtection = true,
    MetricFailureFallback? Fallback = null,
    decimal? MaxHourlyCost = null)
{
    public const int CurrentVersion = 1;

    /// <summary>True when the policy's actions step along a SKU ladder rather than change the instance count.</summary>
    [JsonIgnore]
    public bool IsVertical => Rules is not null && Rules.Any(r => r?.Action?.Type == ScaleActionType.SkuStep);
}
