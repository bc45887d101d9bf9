namespace Scalewise.Core.Ports;

/// <summary>Policies, one per target, with every version ever written kept.</summary>
public interface IPolicyStore
{
    Task<StoredPolicy?> GetAsync(string policyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes the policy; with <paramref name="ifMatch"/> the write fails with <see cref="ConcurrencyConflictException"/> when the stored ETag differs or the policy is gone.</summary>
    Task<StoredPolicy> UpsertAsync(ScalingPolicy policy, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Writes a new policy; fails with <see cref="ConcurrencyConflictException"/> when a policy with that id exists.</summary>
    Task<StoredPolicy> CreateAsync(ScalingPolicy policy, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the current policy (its versions stay listable) and returns false when there was none; with
    /// <paramref name="ifMatch"/> it fails with <see cref="ConcurrencyConflictException"/> when the stored ETag differs.
    /// </summary>
    Task<bool> DeleteAsync(string policyId, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Every version of the policy ever written, newest first, also after the policy was deleted.</summary>
    Task<IReadOnlyList<StoredPolicy>> ListVersionsAsync(string policyId, int limit, CancellationToken cancellationToken);
}
