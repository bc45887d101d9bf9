using Scalewise.Core.Decisions;

namespace Scalewise.Core.Ports;

/// <summary>Per-target state (last scale time per direction), written with ETag concurrency.</summary>
public interface ITargetStateStore
{
    Task<StoredTargetState> GetAsync(string policyId, CancellationToken cancellationToken);

    /// <summary>Writes the state; fails with <see cref="ConcurrencyConflictException"/> when <paramref name="etag"/> is stale (null means "must not exist yet").</summary>
    Task<StoredTargetState> SaveAsync(TargetState state, string? etag, CancellationToken cancellationToken);
}
