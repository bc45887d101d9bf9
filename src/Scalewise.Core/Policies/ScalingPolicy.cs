using System.Text.Json.Serialization;
using Scalewise.Core.Procedures;

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
/// <see cref="Approval"/> makes large changes wait for a person; <see cref="Maintenance"/> is when vertical changes may
/// run (emergencies excepted); <see cref="AcceptDataLoss"/> lets a Basic Redis cache be resized (it loses its data);
/// <see cref="SnapshotRetention"/> is how long a VM resize's disk snapshots are kept.
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
    decimal? MaxHourlyCost = null,
    ApprovalPolicy? Approval = null,
    MaintenanceWindow? Maintenance = null,
    bool AcceptDataLoss = false,
    TimeSpan? SnapshotRetention = null)
{
    public const int CurrentVersion = 1;

    /// <summary>Windows with other bounds than <see cref="Capacity"/> (fixed date over recurring over default); see <see cref="Decisions.ScheduleBounds"/>.</summary>
    public Scheduling.Schedule? Schedule { get; init; }

    /// <summary>Scaling ahead of the forecast demand; see <see cref="Decisions.PredictiveRecommendation"/>.</summary>
    public PredictiveScaling? Predictive { get; init; }

    /// <summary>What besides a critical tier makes a tick an emergency; see <see cref="Decisions.EmergencyDetector"/>.</summary>
    public EmergencyScaling? Emergency { get; init; }

    /// <summary>Metrics that rules' formulas read by name (<see cref="MetricTrigger.Formula"/>).</summary>
    public IReadOnlyList<NamedMetric>? Metrics { get; init; }

    /// <summary>Rules that only alert (record a warning and notify), never scale.</summary>
    public IReadOnlyList<AlertRule>? Alerts { get; init; }

    /// <summary>True when the policy's actions step along a SKU ladder rather than change the instance count.</summary>
    [JsonIgnore]
    public bool IsVertical => Rules is not null && Rules.Any(r => r?.Action?.Type == ScaleActionType.SkuStep);
}
