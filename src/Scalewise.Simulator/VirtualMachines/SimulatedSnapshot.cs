namespace Scalewise.Simulator.VirtualMachines;

/// <summary>A managed-disk snapshot (<c>Microsoft.Compute/snapshots</c>): <c>Updating</c> until <see cref="ReadyAt"/>, then Succeeded (or Failed when a fault said so).</summary>
public sealed class SimulatedSnapshot
{
    private readonly TimeProvider timeProvider;

    internal SimulatedSnapshot(ArmResourceId id, string location, SimulatedDisk source, bool incremental, IReadOnlyDictionary<string, string> tags, TimeProvider timeProvider, DateTimeOffset readyAt, bool willFail)
    {
        ParsedId = id;
        Location = location;
        Source = source;
        Incremental = incremental;
        Tags = tags;
        this.timeProvider = timeProvider;
        TimeCreated = timeProvider.GetUtcNow();
        ReadyAt = readyAt;
        WillFail = willFail;
    }

    public string ResourceId => ParsedId.Id;

    public string Name => ParsedId.Name;

    public string Location { get; }

    public SimulatedDisk Source { get; }

    public bool Incremental { get; }

    public IReadOnlyDictionary<string, string> Tags { get; }

    public DateTimeOffset TimeCreated { get; }

    public DateTimeOffset ReadyAt { get; }

    public string UniqueId { get; } = Guid.NewGuid().ToString();

    public string ProvisioningState =>
        timeProvider.GetUtcNow() < ReadyAt ? ProvisioningStates.Updating : WillFail ? ProvisioningStates.Failed : ProvisioningStates.Succeeded;

    internal ArmResourceId ParsedId { get; }

    internal bool WillFail { get; }
}
