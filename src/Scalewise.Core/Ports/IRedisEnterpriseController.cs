namespace Scalewise.Core.Ports;

/// <summary>Reads and scales an Azure Managed Redis cluster (<c>Microsoft.Cache/redisEnterprise</c>) among the SKUs it may scale to.</summary>
public interface IRedisEnterpriseController
{
    Task<RedisEnterpriseState> GetAsync(string resourceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RedisEnterpriseSkuOption>> ListSkusForScalingAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>Starts the SKU change and returns once ARM accepted it; poll <see cref="GetAsync"/> until the provisioning state is terminal.</summary>
    Task BeginUpdateSkuAsync(string resourceId, string skuName, int? capacity, CancellationToken cancellationToken);
}
