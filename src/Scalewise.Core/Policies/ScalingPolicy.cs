using Scalewise.Core.Targets;

namespace Scalewise.Core.Policies;

/// <summary>
/// How one target is sized. <see cref="Id"/> names the target in the HTTP API and in storage
/// (one policy per target). <see cref="WarmUp"/> is how long new capacity needs before it counts.
/// </summary>
public sealed record ScalingPolicy(
    int Version,
    string Id,
    ScaleTarget Target,
    CapacityBounds Capacity,
    IReadOnlyList<ScalingRule> Rules,
    TimeSpan WarmUp,
    PolicyMode Mode = PolicyMode.Active)
{
    public const int CurrentVersion = 1;
}
