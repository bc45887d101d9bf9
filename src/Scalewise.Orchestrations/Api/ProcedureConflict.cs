namespace Scalewise.Orchestrations.Api;

/// <summary>
/// The 409 when a target's procedure is already running, as problem+json naming <c>target</c>, with where to watch and stop the
/// running procedure (the same links the Durable extension gives).
/// </summary>
public sealed record ProcedureConflict(string Type, string Title, int Status, string Detail, string Field, string InstanceId, string StatusQueryGetUri, string TerminatePostUri)
{
    public static ProcedureConflict For(string target, string instanceId, ProcedureLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return new(
            "urn:scalewise:problem:procedure-running",
            "A procedure is already running for the target.",
            409,
            $"A procedure is already running for '{target}'; follow its status link, or retry when it has ended.",
            "target",
            instanceId,
            links.StatusQueryGetUri,
            links.TerminatePostUri);
    }
}
