namespace Scalewise.Core.Procedures;

/// <summary>What verification found: whether the target is at the capacity asked for and healthy.</summary>
public sealed record VerificationResult(bool Passed, string Detail, int Instances, int HealthyInstances);
