namespace Scalewise.Orchestrations.Activities;

/// <summary>An Azure Managed Redis SKU asked of a cluster (with a capacity for Enterprise SKUs only), or expected of it by verification.</summary>
public sealed record RedisEnterpriseSkuChange(string TargetResourceId, string Sku, int? Capacity);
