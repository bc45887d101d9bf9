namespace Scalewise.Core.Targets;

/// <summary>The Azure resource a policy sizes, addressed by its ARM resource id.</summary>
public sealed record ScaleTarget(TargetKind Kind, string ResourceId);
