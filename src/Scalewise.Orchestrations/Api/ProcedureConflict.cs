namespace Scalewise.Orchestrations.Api;

/// <summary>The 409 body when a target's procedure is already running: where to watch it.</summary>
public sealed record ProcedureConflict(string Detail, string InstanceId, string StatusQueryGetUri, string TerminatePostUri);
