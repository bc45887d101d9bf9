namespace Scalewise.Orchestrations.Api;

/// <summary>Where a caller watches a procedure and where it stops one.</summary>
public sealed record ProcedureLinks(string StatusQueryGetUri, string TerminatePostUri);
