namespace Scalewise.Core.Procedures;

/// <summary>One step of a procedure as history shows it.</summary>
public sealed record ProcedureStep(string Name, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Result);
