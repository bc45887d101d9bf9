namespace Scalewise.Orchestrations.Api;

/// <summary>The body of <c>GET /api/policies</c> and <c>GET /api/policies/{id}/versions</c>: <c>{"value": [...]}</c>, as Azure lists are.</summary>
public sealed record PolicyList(IReadOnlyList<PolicyEntry> Value);
