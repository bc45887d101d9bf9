using Scalewise.Core.Decisions;
using Scalewise.Core.Procedures;

namespace Scalewise.Azure.Tables;

/// <summary>
/// Procedure records in the table <c>Procedures</c>: PartitionKey the policy id, RowKey the start time as inverted
/// ticks + "_" + the orchestration instance id (newest first); one row per procedure, replaced as its steps complete.
/// </summary>
public sealed class TableProcedureHistory(TableServiceClient tables) : IProcedureHistory
{
    public const string TableName = "Procedures";

    private readonly TableHandle procedures = new(tables, TableName);

    public async Task SaveAsync(ProcedureRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await procedures.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Escape(record.PolicyId), RowKey(record.InstanceId, record.StartedAt))
        {
            [nameof(ProcedureRecord.InstanceId)] = record.InstanceId,
            [nameof(ProcedureRecord.PolicyId)] = record.PolicyId,
            [nameof(ProcedureRecord.TargetResourceId)] = record.TargetResourceId,
            [nameof(ProcedureRecord.Kind)] = record.Kind.ToString(),
            [nameof(ProcedureRecord.FromCapacity)] = record.FromCapacity,
            [nameof(ProcedureRecord.ToCapacity)] = record.ToCapacity,
            [nameof(ProcedureRecord.RequestedBy)] = record.RequestedBy,
            [nameof(ProcedureRecord.StartedAt)] = record.StartedAt.ToUniversalTime(),
        };
        EntityValues.SetIfNotNull(entity, nameof(ProcedureRecord.EndedAt), record.EndedAt?.ToUniversalTime());
        EntityValues.SetIfNotNull(entity, nameof(ProcedureRecord.Outcome), record.Outcome?.ToString());
        EntityValues.SetIfNotNull(entity, nameof(ProcedureRecord.FromSku), record.FromSku);
        EntityValues.SetIfNotNull(entity, nameof(ProcedureRecord.ToSku), record.ToSku);
        LargeText.Write(entity, nameof(ProcedureRecord.Reason), record.Reason);
        LargeText.Write(entity, nameof(ProcedureRecord.Error), record.Error);
        LargeText.Write(entity, nameof(ProcedureRecord.Steps), JsonSerializer.Serialize(record.Steps, ScalewiseJson.Options));
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProcedureRecord?> GetAsync(string policyId, string instanceId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var table = await procedures.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(policyId), RowKey(instanceId, startedAt), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    public async Task<IReadOnlyList<ProcedureRecord>> ListAsync(string policyId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var table = await procedures.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(policyId)}");
        var result = new List<ProcedureRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(ToRecord(entity));
            if (result.Count == limit)
            {
                break;
            }
        }

        return result;
    }

    private static string RowKey(string instanceId, DateTimeOffset startedAt) =>
        TableKeys.InvertedTicks(startedAt) + "_" + TableKeys.Escape(instanceId);

    private static ProcedureRecord ToRecord(TableEntity entity)
    {
        var steps = LargeText.Read(entity, nameof(ProcedureRecord.Steps)) is { } json
            ? JsonSerializer.Deserialize<List<ProcedureStep>>(json, ScalewiseJson.Options) ?? []
            : [];
        var outcome = entity.GetString(nameof(ProcedureRecord.Outcome));
        return new ProcedureRecord(
            EntityValues.ReadString(entity, nameof(ProcedureRecord.InstanceId)),
            EntityValues.ReadString(entity, nameof(ProcedureRecord.PolicyId)),
            EntityValues.ReadString(entity, nameof(ProcedureRecord.TargetResourceId)),
            EntityValues.ReadEnum<DecisionKind>(entity, nameof(ProcedureRecord.Kind)),
            EntityValues.ReadInt(entity, nameof(ProcedureRecord.FromCapacity)),
            EntityValues.ReadInt(entity, nameof(ProcedureRecord.ToCapacity)),
            LargeText.Read(entity, nameof(ProcedureRecord.Reason)) ?? string.Empty,
            EntityValues.ReadString(entity, nameof(ProcedureRecord.RequestedBy)),
            EntityValues.ReadTime(entity, nameof(ProcedureRecord.StartedAt)),
            entity.GetDateTimeOffset(nameof(ProcedureRecord.EndedAt)),
            outcome is null ? null : Enum.Parse<ProcedureOutcome>(outcome),
            LargeText.Read(entity, nameof(ProcedureRecord.Error)),
            steps)
        {
            FromSku = entity.GetString(nameof(ProcedureRecord.FromSku)),
            ToSku = entity.GetString(nameof(ProcedureRecord.ToSku)),
        };
    }
}
