namespace Scalewise.Orchestrations.Api;

/// <summary>
/// What became of a manual scale request: a started procedure (<see cref="Started"/>), the target's running one
/// (<see cref="Conflict"/>), or a problem to show the caller.
/// </summary>
public sealed record ScaleRequestOutcome(string? InstanceId, bool Started, bool Conflict, ApiProblem? Problem)
{
    public static ScaleRequestOutcome StartedProcedure(string instanceId) => new(instanceId, true, false, null);

    public static ScaleRequestOutcome AlreadyRunning(string instanceId) => new(instanceId, false, true, null);

    public static ScaleRequestOutcome Rejected(ApiProblem problem) => new(null, false, false, problem);
}
