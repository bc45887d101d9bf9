using Scalewise.Core.Reports;

namespace Scalewise.Azure.Tables;

/// <summary>
/// Capacity reports in the table <c>CapacityReports</c>: PartitionKey the policy id, RowKey the emergency's decision time as
/// inverted ticks + "_" + the procedure's instance id (newest first, one row per emergency). Rows are inserted, never
/// replaced: a second write for the same emergency (a retried activity) finds the row and returns what is stored.
/// The headline numbers are columns (for queries in Storage Explorer); the whole report is JSON.
/// </summary>
public sealed class TableCapacityReportStore(TableServiceClient tables) : ICapacityReportStore
{
    public const string TableName = "CapacityReports";

    private const string Json = "Report";

    private readonly TableHandle reports = new(tables, TableName);

    public async Task<CapacityReport> AddAsync(CapacityReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = await reports.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Escape(report.PolicyId), RowKey(report))
        {
            [nameof(CapacityReport.PolicyId)] = report.PolicyId,
            [nameof(CapacityReport.InstanceId)] = report.InstanceId,
            [nameof(CapacityReport.DecidedAt)] = report.DecidedAt.ToUniversalTime(),
            [nameof(CapacityReport.Outcome)] = report.Outcome.ToString(),
            [nameof(CapacityReport.FromCapacity)] = report.FromCapacity,
            [nameof(CapacityReport.ToCapacity)] = report.ToCapacity,
            [nameof(CapacityReport.PeakCapacityNeeded)] = report.PeakCapacityNeeded,
            [nameof(CapacityReport.MinutesOverSlo)] = report.MinutesOverSlo,
            [nameof(CapacityReport.RecommendedMinimum)] = report.RecommendedMinimum,
            [nameof(CapacityReport.RecommendedMaximum)] = report.RecommendedMaximum,
        };
        EntityValues.SetIfNotNull(entity, nameof(CapacityReport.PeakDemand), report.PeakDemand);
        EntityValues.SetIfNotNull(entity, "TimeToCapacitySeconds", report.TimeToCapacity?.TotalSeconds);
        LargeText.Write(entity, Json, JsonSerializer.Serialize(report, ScalewiseJson.Options));
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return report;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var stored = await table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Read(stored.Value);
        }
    }

    public async Task<IReadOnlyList<CapacityReport>> ListAsync(string policyId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var table = await reports.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(policyId)}");
        var result = new List<CapacityReport>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(entity));
            if (result.Count == limit)
            {
                break;
            }
        }

        return result;
    }

    private static string RowKey(CapacityReport report) =>
        TableKeys.InvertedTicks(report.DecidedAt) + "_" + TableKeys.Escape(report.InstanceId);

    private static CapacityReport Read(TableEntity entity) =>
        (LargeText.Read(entity, Json) is { } json ? JsonSerializer.Deserialize<CapacityReport>(json, ScalewiseJson.Options) : null)
        ?? throw new InvalidDataException($"Row '{entity.RowKey}' of {TableName} has no report.");
}
