namespace Scalewise.Core.Ports;

/// <summary>
/// A short lease per target, so that "is a procedure running?" and "start one" happen as one step across every caller and
/// host: the tick, manual requests and schedules take the target's lease first, and only its holder may start a procedure.
/// Starting the same Durable instance id twice at once is what corrupted orchestrations ("Multiple ExecutionStartedEvent").
/// </summary>
public interface ILaunchLeases
{
    /// <summary>The lease, or null while another caller holds an unexpired one for <paramref name="targetId"/>.</summary>
    Task<LaunchLease?> TryAcquireAsync(string targetId, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up (nothing happens when it has expired and another caller took it).</summary>
    Task ReleaseAsync(LaunchLease lease, CancellationToken cancellationToken);
}
