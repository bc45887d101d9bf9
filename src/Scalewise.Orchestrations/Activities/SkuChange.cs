namespace Scalewise.Orchestrations.Activities;

/// <summary>A SKU (VM size, Redis "Tier_Size") asked of a target, or expected of it by verification.</summary>
public sealed record SkuChange(string TargetResourceId, string Sku);
