namespace Scalewise.Core.Policies;

/// <summary>A policy document read: the <see cref="Policy"/> when it is well-formed and valid, otherwise every <see cref="Errors"/> found.</summary>
public sealed record PolicyParseResult(ScalingPolicy? Policy, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Policy is not null && Errors.Count == 0;
}
