namespace Scalewise.Orchestrations.Procedures;

/// <summary>Whether a procedure was started; when not, <see cref="InstanceId"/> is the one already running.</summary>
public sealed record ProcedureLaunch(bool Started, string InstanceId, DateTimeOffset? RunningSince);
