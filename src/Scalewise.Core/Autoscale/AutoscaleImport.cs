namespace Scalewise.Core.Autoscale;

/// <summary>
/// An autoscale setting imported: the <see cref="Policy"/> (valid by <see cref="PolicyValidator"/>) and what it could not
/// carry over as <see cref="Warnings"/>, or, when no policy could be made, the <see cref="Errors"/> that prevented it.
/// </summary>
public sealed record AutoscaleImport(ScalingPolicy? Policy, IReadOnlyList<AutoscaleImportWarning> Warnings, IReadOnlyList<PolicyError> Errors)
{
    public bool Succeeded => Policy is not null && Errors.Count == 0;
}
