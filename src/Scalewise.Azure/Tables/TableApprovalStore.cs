using Scalewise.Core.Procedures;

namespace Scalewise.Azure.Tables;

/// <summary>Approvals in the table <c>Approvals</c> (PartitionKey "approval", RowKey the procedure instance id); answers are written with ETags so only the first one counts.</summary>
public sealed class TableApprovalStore(TableServiceClient tables) : IApprovalStore
{
    public const string TableName = "Approvals";
    internal const string PartitionKey = "approval";

    private readonly TableHandle approvals = new(tables, TableName);

    public async Task OpenAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = await approvals.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(PartitionKey, TableKeys.Escape(request.InstanceId))
        {
            ["Request"] = JsonSerializer.Serialize(request, ScalewiseJson.Options),
            ["Deadline"] = request.Deadline.ToUniversalTime(),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApprovalRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var entity = await ReadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToRecord(entity);
    }

    public async Task<bool> AnswerAsync(string instanceId, ApprovalAnswer answer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var entity = await ReadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (entity is null || entity.ContainsKey("Answer") || now > entity.GetDateTimeOffset("Deadline"))
        {
            return false;
        }

        entity["Answer"] = JsonSerializer.Serialize(answer, ScalewiseJson.Options);
        entity["AnsweredAt"] = now.ToUniversalTime();
        var table = await approvals.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Someone answered (or the procedure reopened it) between our read and write: the first answer counts.
            return false;
        }
    }

    private async Task<TableEntity?> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var table = await approvals.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, TableKeys.Escape(instanceId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private static ApprovalRecord ToRecord(TableEntity entity) => new(
        JsonSerializer.Deserialize<ApprovalRequest>(entity.GetString("Request"), ScalewiseJson.Options)!,
        entity.GetString("Answer") is { } answer ? JsonSerializer.Deserialize<ApprovalAnswer>(answer, ScalewiseJson.Options) : null,
        entity.GetDateTimeOffset("AnsweredAt"));
}
