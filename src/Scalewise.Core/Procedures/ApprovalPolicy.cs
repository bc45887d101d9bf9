namespace Scalewise.Core.Procedures;

/// <summary>
/// When a change needs a person's yes: a move of more than <see cref="InstanceThreshold"/> instances (or, for a
/// vertical target, more than <see cref="SkuStepThreshold"/> rungs of its ladder) waits for an answer, and is
/// cancelled when none comes within <see cref="Timeout"/>.
/// </summary>
public sealed record ApprovalPolicy(int InstanceThreshold, TimeSpan Timeout, int SkuStepThreshold = 1)
{
    public bool Requires(int fromCapacity, int toCapacity) => Math.Abs(toCapacity - fromCapacity) > InstanceThreshold;

    public bool RequiresForSkuSteps(int steps) => Math.Abs(steps) > SkuStepThreshold;
}
