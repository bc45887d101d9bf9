using Scalewise.Core.Policies;

namespace Scalewise.Azure.Tables;

/// <summary>
/// Policies in the table <c>Policies</c>, one partition per policy (PartitionKey the escaped policy id): the row
/// <c>current</c> holds the policy in force, and a row <c>v_{inverted ticks}_{suffix}</c> holds every version ever
/// written, newest first. A write changes the current row and adds its version in one entity-group transaction, so a
/// stored policy always has its version, a write that loses an ETag race leaves no trace, and deleting the current
/// row leaves the versions in place.
/// </summary>
public sealed class TablePolicyStore(TableServiceClient tables, TimeProvider timeProvider) : IPolicyStore
{
    public const string TableName = "Policies";
    internal const string CurrentRowKey = "current";

    // Version row keys sort between these two: '`' is the character after '_'.
    private const string VersionPrefix = "v_";
    private const string VersionPrefixEnd = "v`";
    private const string PolicyColumn = "Policy";
    private const string StoredAtColumn = "StoredAt";
    private const string PolicyETagColumn = "PolicyETag";

    private readonly TableHandle policies = new(tables, TableName);

    public async Task<StoredPolicy?> GetAsync(string policyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        var table = await policies.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(policyId), CurrentRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToCurrent(response.Value!) : null;
    }

    public async Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await policies.GetAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StoredPolicy>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CurrentRowKey}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(ToCurrent(entity));
        }

        return result;
    }

    public async Task<StoredPolicy> UpsertAsync(ScalingPolicy policy, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RefuseForeignETag(policy.Id, ifMatch);
        try
        {
            return ifMatch is null
                ? await WriteAsync(policy, TableTransactionActionType.UpsertReplace, ETag.All, cancellationToken).ConfigureAwait(false)
                : await WriteAsync(policy, TableTransactionActionType.UpdateReplace, new ETag(ifMatch), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404 && ifMatch is not null)
        {
            throw new ConcurrencyConflictException(
                $"Policy '{policy.Id}' was changed (or removed) since ETag {ifMatch} was read; read it again and reapply your change.", ex);
        }
    }

    public async Task<StoredPolicy> CreateAsync(ScalingPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        try
        {
            return await WriteAsync(policy, TableTransactionActionType.Add, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ConcurrencyConflictException($"Policy '{policy.Id}' already exists; read it and send its ETag in If-Match to replace it.", ex);
        }
    }

    public async Task<bool> DeleteAsync(string policyId, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        RefuseForeignETag(policyId, ifMatch);
        var table = await policies.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await table.DeleteEntityAsync(
                TableKeys.Escape(policyId), CurrentRowKey, ifMatch is null ? ETag.All : new ETag(ifMatch), cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyConflictException(
                $"Policy '{policyId}' was changed since ETag {ifMatch} was read; read it again before deleting it.", ex);
        }
    }

    public async Task<IReadOnlyList<StoredPolicy>> ListVersionsAsync(string policyId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var table = await policies.GetAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StoredPolicy>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(policyId)} and RowKey ge {VersionPrefix} and RowKey lt {VersionPrefixEnd}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredPolicy(Deserialize(entity), entity.GetString(PolicyETagColumn) ?? string.Empty, StoredAt(entity)));
            if (result.Count == limit)
            {
                break;
            }
        }

        return result;
    }

    private async Task<StoredPolicy> WriteAsync(ScalingPolicy policy, TableTransactionActionType currentAction, ETag ifMatch, CancellationToken cancellationToken)
    {
        var table = await policies.GetAsync(cancellationToken).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(policy, ScalewiseJson.Options);
        var now = timeProvider.GetUtcNow();
        var partition = TableKeys.Escape(policy.Id);
        var current = NewRow(partition, CurrentRowKey, policy, json, now);
        current["TargetResourceId"] = policy.Target.ResourceId;
        var version = NewRow(partition, VersionPrefix + TableKeys.InvertedTicks(now) + "_" + TableKeys.UniqueSuffix(), policy, json, now);

        var responses = await table.SubmitTransactionAsync(
            [new TableTransactionAction(currentAction, current, ifMatch), new TableTransactionAction(TableTransactionActionType.Add, version)],
            cancellationToken).ConfigureAwait(false);
        var etag = responses.Value[0].Headers.ETag?.ToString() ?? string.Empty;

        try
        {
            // Links the version to the ETag it had while current, so a reader can tell which version is in force.
            var link = new TableEntity(partition, version.RowKey) { [PolicyETagColumn] = etag };
            await table.UpdateEntityAsync(link, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // The policy and its version are stored either way; only that link is missing.
        }

        return new StoredPolicy(policy, etag, now);
    }

    /// <summary>
    /// An If-Match this store never issued (Table Storage's are <c>W/"datetime'...'"</c>) cannot match, so it fails as a
    /// changed policy would, before Table Storage refuses its shape with a 400 of its own.
    /// </summary>
    private static void RefuseForeignETag(string policyId, string? ifMatch)
    {
        if (ifMatch is null || ifMatch == "*" || IsTableETag(ifMatch))
        {
            return;
        }

        throw new ConcurrencyConflictException($"Policy '{policyId}' never had the ETag {ifMatch}; read it (GET returns its ETag) and send that in If-Match.");
    }

    private static bool IsTableETag(string tag)
    {
        const string Prefix = "W/\"datetime'";
        return tag.Length > Prefix.Length + 2
            && tag.StartsWith(Prefix, StringComparison.Ordinal)
            && tag.EndsWith("'\"", StringComparison.Ordinal)
            && tag[Prefix.Length..^2].All(c => char.IsAsciiLetterOrDigit(c) || c is '%' or '.' or ':' or '-');
    }

    private static TableEntity NewRow(string partition, string rowKey, ScalingPolicy policy, string json, DateTimeOffset now)
    {
        var entity = new TableEntity(partition, rowKey)
        {
            ["PolicyId"] = policy.Id,
            [StoredAtColumn] = now.ToUniversalTime(),
        };
        LargeText.Write(entity, PolicyColumn, json);
        return entity;
    }

    private static StoredPolicy ToCurrent(TableEntity entity) => new(Deserialize(entity), entity.ETag.ToString(), StoredAt(entity));

    private static DateTimeOffset StoredAt(TableEntity entity) =>
        entity.GetDateTimeOffset(StoredAtColumn) ?? entity.Timestamp ?? DateTimeOffset.MinValue;

    private static ScalingPolicy Deserialize(TableEntity entity)
    {
        var json = LargeText.Read(entity, PolicyColumn)
            ?? throw new InvalidDataException($"Row '{entity.PartitionKey}/{entity.RowKey}' has no '{PolicyColumn}' column.");
        return JsonSerializer.Deserialize<ScalingPolicy>(json, ScalewiseJson.Options)
            ?? throw new InvalidDataException($"Row '{entity.PartitionKey}/{entity.RowKey}' holds a null policy.");
    }
}
