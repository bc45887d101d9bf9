namespace Scalewise.Orchestrations.Hosting;

/// <summary>Whether a <see cref="DurableTaskEntry"/> is an orchestrator or an activity.</summary>
public enum DurableTaskKind
{
    Orchestrator,
    Activity,
}
