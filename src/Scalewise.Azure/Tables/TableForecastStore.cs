using Scalewise.Core.Forecasting;

namespace Scalewise.Azure.Tables;

/// <summary>
/// Forecasts in the table <c>Forecasts</c> (PartitionKey "forecast", RowKey the policy id): the method, when it was made,
/// its accuracy as columns (for queries in Storage Explorer) and the whole forecast as JSON.
/// </summary>
public sealed class TableForecastStore(TableServiceClient tables) : IForecastStore
{
    public const string TableName = "Forecasts";

    internal const string PartitionKey = "forecast";

    private const string Json = "Forecast";

    private readonly TableHandle forecasts = new(tables, TableName);

    public async Task SaveAsync(string policyId, DemandForecast forecast, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        ArgumentNullException.ThrowIfNull(forecast);
        var table = await forecasts.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(PartitionKey, TableKeys.Escape(policyId))
        {
            ["PolicyId"] = policyId,
            [nameof(DemandForecast.Method)] = forecast.Method,
            [nameof(DemandForecast.GeneratedAt)] = forecast.GeneratedAt.ToUniversalTime(),
            ["Hours"] = forecast.Points.Count,
        };
        EntityValues.SetIfNotNull(entity, nameof(ForecastAccuracy.Mase), forecast.Accuracy?.Mase);
        EntityValues.SetIfNotNull(entity, nameof(ForecastAccuracy.Smape), forecast.Accuracy?.Smape);
        EntityValues.SetIfNotNull(entity, nameof(ForecastAccuracy.BaselineMase), forecast.Accuracy?.BaselineMase);
        EntityValues.SetIfNotNull(entity, nameof(ForecastAccuracy.BaselineSmape), forecast.Accuracy?.BaselineSmape);
        LargeText.Write(entity, Json, JsonSerializer.Serialize(forecast, ScalewiseJson.Options));

        // The newest forecast wins: forecasts are made by one timer, hourly, and a later one replaces an earlier one.
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DemandForecast?> GetAsync(string policyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        var table = await forecasts.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, TableKeys.Escape(policyId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && LargeText.Read(response.Value!, Json) is { } json
            ? JsonSerializer.Deserialize<DemandForecast>(json, ScalewiseJson.Options)
            : null;
    }

    /// <summary>One range query over the ids' row keys (pages of up to 1,000 rows) instead of one read per target.</summary>
    public async Task<IReadOnlyDictionary<string, DemandForecast>> GetManyAsync(IReadOnlyCollection<string> policyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyIds);
        var found = new Dictionary<string, DemandForecast>(StringComparer.Ordinal);
        var wanted = policyIds.ToDictionary(TableKeys.Escape, id => id, StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        var table = await forecasts.GetAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableKeys.RangeFilter(PartitionKey, wanted.Keys), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (wanted.TryGetValue(entity.RowKey, out var id) && LargeText.Read(entity, Json) is { } json
                && JsonSerializer.Deserialize<DemandForecast>(json, ScalewiseJson.Options) is { } forecast)
            {
                found[id] = forecast;
            }
        }

        return found;
    }
}
