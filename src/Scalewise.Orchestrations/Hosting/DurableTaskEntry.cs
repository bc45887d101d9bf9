namespace Scalewise.Orchestrations.Hosting;

/// <summary>
/// One orchestrator or activity of <see cref="ScalewiseTasks"/>: its name, what it takes and returns, and how it is
/// registered on an in-process Durable host. The Functions app declares a <c>[Function]</c> of the same name per entry.
/// </summary>
public sealed record DurableTaskEntry(string Name, DurableTaskKind Kind, Type Input, Type Output)
{
    internal Action<DurableTaskRegistry> Register { get; init; } = _ => { };
}
