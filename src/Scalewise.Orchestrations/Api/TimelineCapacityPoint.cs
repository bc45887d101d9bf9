namespace Scalewise.Orchestrations.Api;

/// <summary>The target's capacity (instances; 1 for a VM or a cache) and SKU as last known at <see cref="At"/>.</summary>
public sealed record TimelineCapacityPoint(DateTimeOffset At, int Capacity, string? Sku);
