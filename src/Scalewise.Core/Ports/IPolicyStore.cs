using Scalewise.Core.Policies;

namespace Scalewise.Core.Ports;

/// <summary>Policies, one per target.</summary>
public interface IPolicyStore
{
    Task<StoredPolicy?> GetAsync(string policyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes the policy; with <paramref name="ifMatch"/> the write fails with <see cref="ConcurrencyConflictException"/> when the stored ETag differs.</summary>
    Task<StoredPolicy> UpsertAsync(ScalingPolicy policy, string? ifMatch, CancellationToken cancellationToken);
}
