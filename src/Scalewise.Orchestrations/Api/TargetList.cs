namespace Scalewise.Orchestrations.Api;

/// <summary>A page of <c>GET /api/targets</c>: the targets in policy-id order, and the link to the next page (null on the last).</summary>
public sealed record TargetList(IReadOnlyList<TargetSummary> Value, string? NextLink);
