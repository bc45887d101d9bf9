namespace Scalewise.Orchestrations.Procedures;

/// <summary>The custom status a running procedure shows in the portal and the status API.</summary>
public sealed record ProcedureStatus(string Step, string Detail, int FromCapacity, int ToCapacity);
