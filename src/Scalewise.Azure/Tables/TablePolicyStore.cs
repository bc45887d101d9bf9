using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Serialization;

namespace Scalewise.Azure.Tables;

/// <summary>
/// Policies in the table <c>Policies</c> (PartitionKey "policy", RowKey the policy id, the policy as JSON), and every
/// version ever written in <c>PolicyVersions</c> (PartitionKey the policy id, RowKey newest first).
/// </summary>
public sealed class TablePolicyStore(TableServiceClient tables, TimeProvider timeProvider) : IPolicyStore
{
    public const string TableName = "Policies";
    public const string VersionsTableName = "PolicyVersions";
    internal const string PartitionKey = "policy";
    private const string PolicyColumn = "Policy";

    private readonly TableHandle policies = new(tables, TableName);
    private readonly TableHandle versions = new(tables, VersionsTableName);

    public async Task<StoredPolicy?> GetAsync(string policyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        var table = await policies.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, TableKeys.Escape(policyId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    public async Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await policies.GetAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StoredPolicy>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(ToStored(entity));
        }

        return result;
    }

    public async Task<StoredPolicy> UpsertAsync(ScalingPolicy policy, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var table = await policies.GetAsync(cancellationToken).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(policy, ScalewiseJson.Options);
        var entity = new TableEntity(PartitionKey, TableKeys.Escape(policy.Id))
        {
            ["PolicyId"] = policy.Id,
            ["TargetResourceId"] = policy.Target.ResourceId,
        };
        LargeText.Write(entity, PolicyColumn, json);

        Response response;
        try
        {
            response = ifMatch is null
                ? await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(entity, new ETag(ifMatch), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404 && ifMatch is not null)
        {
            throw new ConcurrencyConflictException(
                $"Policy '{policy.Id}' was changed (or removed) since ETag {ifMatch} was read; read it again and reapply your change.", ex);
        }

        var etag = response.Headers.ETag?.ToString() ?? string.Empty;
        var now = timeProvider.GetUtcNow();
        await RecordVersionAsync(policy.Id, json, etag, now, cancellationToken).ConfigureAwait(false);

        // Read back for the server's timestamp; fall back to our clock if the row changed again meanwhile.
        var stored = await GetAsync(policy.Id, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.ETag == etag ? stored : new StoredPolicy(policy, etag, now);
    }

    /// <summary>Every version of the policy that was ever stored, newest first.</summary>
    public async Task<IReadOnlyList<StoredPolicy>> ListVersionsAsync(string policyId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var table = await versions.GetAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StoredPolicy>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(policyId)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredPolicy(
                Deserialize(entity),
                entity.GetString("PolicyETag") ?? string.Empty,
                entity.GetDateTimeOffset("StoredAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue));
            if (result.Count == limit)
            {
                break;
            }
        }

        return result;
    }

    private async Task RecordVersionAsync(string policyId, string json, string etag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await versions.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Escape(policyId), TableKeys.InvertedTicks(now) + "_" + TableKeys.UniqueSuffix())
        {
            ["PolicyId"] = policyId,
            ["PolicyETag"] = etag,
            ["StoredAt"] = now.ToUniversalTime(),
        };
        LargeText.Write(entity, PolicyColumn, json);
        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    private static StoredPolicy ToStored(TableEntity entity) =>
        new(Deserialize(entity), entity.ETag.ToString(), entity.Timestamp ?? DateTimeOffset.MinValue);

    private static ScalingPolicy Deserialize(TableEntity entity)
    {
        var json = LargeText.Read(entity, PolicyColumn)
            ?? throw new InvalidDataException($"Row '{entity.RowKey}' has no '{PolicyColumn}' column.");
        return JsonSerializer.Deserialize<ScalingPolicy>(json, ScalewiseJson.Options)
            ?? throw new InvalidDataException($"Row '{entity.RowKey}' holds a null policy.");
    }
}
