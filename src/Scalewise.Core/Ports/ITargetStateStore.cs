using Scalewise.Core.Decisions;

namespace Scalewise.Core.Ports;

/// <summary>Per-target state (last scale time per direction), written with ETag concurrency.</summary>
public interface ITargetStateStore
{
    Task<StoredTargetState> GetAsync(string policyId, CancellationToken cancellationToken);

    /// <summary>
    /// The states of many targets at once (the tick's read): every id gets an entry, an empty state when none is stored. A store
    /// that can read a range in one query overrides this; the default reads one by one.
    /// </summary>
    async Task<IReadOnlyDictionary<string, StoredTargetState>> GetManyAsync(IReadOnlyCollection<string> policyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyIds);
        var states = new Dictionary<string, StoredTargetState>(StringComparer.Ordinal);
        foreach (var id in policyIds)
        {
            states[id] = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return states;
    }

    /// <summary>Writes the state; fails with <see cref="ConcurrencyConflictException"/> when <paramref name="etag"/> is stale (null means "must not exist yet").</summary>
    Task<StoredTargetState> SaveAsync(TargetState state, string? etag, CancellationToken cancellationToken);
}
