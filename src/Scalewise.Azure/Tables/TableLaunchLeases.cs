namespace Scalewise.Azure.Tables;

/// <summary>
/// Launch leases in the table <c>LaunchLeases</c> (PartitionKey "lease", RowKey the target): taken by inserting the row, or by
/// replacing an expired one under its ETag, so exactly one caller wins however many race; released by deleting under the ETag.
/// </summary>
/// <remarks>
/// Expiry is on the wall clock (<see cref="TimeProvider.System"/>), not the local runner's compressed scenario clock: it only
/// bounds how long a holder that crashed keeps others waiting.
/// </remarks>
public sealed class TableLaunchLeases(TableServiceClient tables) : ILaunchLeases
{
    public const string TableName = "LaunchLeases";
    private const string PartitionKey = "lease";
    private const string ExpiresColumn = "ExpiresAt";

    private readonly TableHandle leases = new(tables, TableName);

    public async Task<LaunchLease?> TryAcquireAsync(string targetId, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetId);
        var table = await leases.GetAsync(cancellationToken).ConfigureAwait(false);
        var rowKey = TableKeys.Escape(targetId);
        var now = TimeProvider.System.GetUtcNow();
        var entity = new TableEntity(PartitionKey, rowKey) { [ExpiresColumn] = (now + duration).ToUniversalTime() };

        // Two rounds at most: the row may be deleted between a failed insert and the read.
        for (var round = 0; round < 2; round++)
        {
            try
            {
                var added = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return new LaunchLease(targetId, added.Headers.ETag?.ToString() ?? string.Empty);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Held, or left behind by a holder that stopped: read it.
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue || existing.Value is null)
            {
                continue;
            }

            if (existing.Value.GetDateTimeOffset(ExpiresColumn) is { } expires && expires > now)
            {
                return null;
            }

            try
            {
                var replaced = await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new LaunchLease(targetId, replaced.Headers.ETag?.ToString() ?? string.Empty);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                return null;
            }
        }

        return null;
    }

    public async Task ReleaseAsync(LaunchLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var table = await leases.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(PartitionKey, TableKeys.Escape(lease.TargetId), new ETag(lease.Version), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Expired and taken (or cleared) by another caller: theirs now.
        }
    }
}
