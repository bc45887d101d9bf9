namespace Scalewise.Orchestrations.Api;

/// <summary>The body of <c>GET /api/procedures</c>: running and recent procedures, newest first.</summary>
public sealed record ProcedureList(IReadOnlyList<ProcedureListItem> Value);
