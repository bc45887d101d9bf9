using Scalewise.Core.Redis;

namespace Scalewise.Core.Ports;

/// <summary>Reads and scales an Azure Cache for Redis (<c>Microsoft.Cache/redis</c>) and exports its data, through ARM.</summary>
public interface IRedisCacheController
{
    Task<RedisCacheState> GetAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts one scale operation to <paramref name="target"/> (SKU and shard count; plan with <see cref="RedisMovePlanner"/> first)
    /// and returns once ARM accepted it; poll <see cref="GetAsync"/> until the provisioning state is terminal.
    /// </summary>
    Task BeginScaleAsync(string resourceId, RedisSku target, CancellationToken cancellationToken);

    /// <summary>
    /// Starts an RDB export to the configured blob container under <paramref name="prefix"/>; returns the URL to poll with
    /// <see cref="GetOperationAsync"/> (<c>Azure-AsyncOperation</c> or <c>Location</c>), or null when ARM finished it at once (200, 204).
    /// </summary>
    Task<string?> BeginExportAsync(string resourceId, string prefix, CancellationToken cancellationToken);

    /// <summary>Reads a status URL: an <c>Azure-AsyncOperation</c> body's status, or a <c>Location</c> URL's answer (202 running, 200/204 done, an error failed).</summary>
    Task<ArmOperationStatus> GetOperationAsync(string statusUrl, CancellationToken cancellationToken);
}
