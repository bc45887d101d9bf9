namespace Scalewise.Core.Decisions;

/// <summary>What Scalewise remembers about a target between ticks: when it last scaled each way.</summary>
public sealed record TargetState(string PolicyId, DateTimeOffset? LastScaleOutAt, DateTimeOffset? LastScaleInAt, int? LastKnownCapacity)
{
    public static TargetState Empty(string policyId) => new(policyId, null, null, null);
}
