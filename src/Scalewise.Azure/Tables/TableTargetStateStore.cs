using Scalewise.Core.Decisions;

namespace Scalewise.Azure.Tables;

/// <summary>Per-target state in the table <c>TargetState</c> (PartitionKey "target", RowKey the policy id), written with ETags.</summary>
/// <remarks>Recent recommendations are stored as JSON, only the newest <see cref="MaxStoredRecommendations"/> of them.</remarks>
public sealed class TableTargetStateStore(TableServiceClient tables) : ITargetStateStore
{
    public const string TableName = "TargetState";

    /// <summary>Twelve hours of one-minute ticks: longer than any sensible scale-in stabilization window, and well inside one row's 1 MiB.</summary>
    public const int MaxStoredRecommendations = 720;

    internal const string PartitionKey = "target";

    private readonly TableHandle state = new(tables, TableName);

    public async Task<StoredTargetState> GetAsync(string policyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        var table = await state.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, TableKeys.Escape(policyId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return new StoredTargetState(TargetState.Empty(policyId), null);
        }

        return FromEntity(policyId, response.Value!);
    }

    /// <summary>One range query over the ids' row keys (pages of up to 1,000 rows) instead of one read per target.</summary>
    public async Task<IReadOnlyDictionary<string, StoredTargetState>> GetManyAsync(IReadOnlyCollection<string> policyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyIds);
        var table = await state.GetAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, StoredTargetState>(StringComparer.Ordinal);
        var wanted = policyIds.ToDictionary(TableKeys.Escape, id => id, StringComparer.Ordinal);
        if (wanted.Count > 0)
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(TableKeys.RangeFilter(PartitionKey, wanted.Keys), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (wanted.TryGetValue(entity.RowKey, out var id))
                {
                    found[id] = FromEntity(id, entity);
                }
            }
        }

        return policyIds.ToDictionary(id => id, id => found.TryGetValue(id, out var stored) ? stored : new StoredTargetState(TargetState.Empty(id), null), StringComparer.Ordinal);
    }

    private static StoredTargetState FromEntity(string policyId, TableEntity entity) =>
        new(
            new TargetState(
                policyId,
                entity.GetDateTimeOffset(nameof(TargetState.LastScaleOutAt)),
                entity.GetDateTimeOffset(nameof(TargetState.LastScaleInAt)),
                entity.GetInt32(nameof(TargetState.LastKnownCapacity)))
            {
                WarmingInstances = entity.GetInt32(nameof(TargetState.WarmingInstances)) ?? 0,
                CurrentSku = entity.GetString(nameof(TargetState.CurrentSku)),
                RecentRecommendations = ReadRecommendations(entity),
                ConsecutiveMetricFailures = entity.GetInt32(nameof(TargetState.ConsecutiveMetricFailures)) ?? 0,
            },
            entity.ETag.ToString());

    public async Task<StoredTargetState> SaveAsync(TargetState state, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var table = await this.state.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(PartitionKey, TableKeys.Escape(state.PolicyId))
        {
            ["PolicyId"] = state.PolicyId,
        };
        EntityValues.SetIfNotNull(entity, nameof(TargetState.LastScaleOutAt), state.LastScaleOutAt?.ToUniversalTime());
        EntityValues.SetIfNotNull(entity, nameof(TargetState.LastScaleInAt), state.LastScaleInAt?.ToUniversalTime());
        EntityValues.SetIfNotNull(entity, nameof(TargetState.LastKnownCapacity), state.LastKnownCapacity);
        entity[nameof(TargetState.WarmingInstances)] = state.WarmingInstances;
        EntityValues.SetIfNotNull(entity, nameof(TargetState.CurrentSku), state.CurrentSku);
        entity[nameof(TargetState.ConsecutiveMetricFailures)] = state.ConsecutiveMetricFailures;
        if (state.RecentRecommendations.Count > 0)
        {
            var newest = state.RecentRecommendations.OrderBy(r => r.At).TakeLast(MaxStoredRecommendations).ToList();
            LargeText.Write(entity, nameof(TargetState.RecentRecommendations), JsonSerializer.Serialize(newest, ScalewiseJson.Options));
        }

        try
        {
            var response = etag is null
                ? await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new StoredTargetState(state, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException ex) when (etag is null && ex.Status == 409)
        {
            throw new ConcurrencyConflictException(
                $"State for target '{state.PolicyId}' was written by someone else first; read it again and reapply your change.", ex);
        }
        catch (RequestFailedException ex) when (etag is not null && ex.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException(
                $"State for target '{state.PolicyId}' changed since ETag {etag} was read; read it again and reapply your change.", ex);
        }
    }

    // No recommendations read as the same empty list a new TargetState holds, so states still compare equal.
    private static CapacityRecommendation[] ReadRecommendations(TableEntity entity) =>
        LargeText.Read(entity, nameof(TargetState.RecentRecommendations)) is { } json
            ? JsonSerializer.Deserialize<CapacityRecommendation[]>(json, ScalewiseJson.Options) ?? []
            : [];
}
