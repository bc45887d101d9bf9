using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;

namespace Scalewise.Azure.Tables;

/// <summary>
/// Every decision in the table <c>Decisions</c>: PartitionKey the policy id, RowKey the decision time as inverted
/// ticks plus a short unique suffix, so a partition lists newest first and two decisions in one tick both stay.
/// </summary>
public sealed class TableDecisionLog(TableServiceClient tables) : IDecisionLog
{
    public const string TableName = "Decisions";

    private readonly TableHandle decisions = new(tables, TableName);

    public async Task AppendAsync(ScalingDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var table = await decisions.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(
            TableKeys.Escape(decision.PolicyId),
            TableKeys.InvertedTicks(decision.DecidedAt) + "_" + TableKeys.UniqueSuffix())
        {
            [nameof(ScalingDecision.PolicyId)] = decision.PolicyId,
            [nameof(ScalingDecision.TargetResourceId)] = decision.TargetResourceId,
            [nameof(ScalingDecision.Kind)] = decision.Kind.ToString(),
            [nameof(ScalingDecision.Outcome)] = decision.Outcome.ToString(),
            [nameof(ScalingDecision.Direction)] = decision.Direction.ToString(),
            [nameof(ScalingDecision.CurrentCapacity)] = decision.CurrentCapacity,
            [nameof(ScalingDecision.NewCapacity)] = decision.NewCapacity,
            [nameof(ScalingDecision.DecidedAt)] = decision.DecidedAt.ToUniversalTime(),
            [nameof(ScalingDecision.Severity)] = decision.Severity.ToString(),
        };
        EntityValues.SetIfNotNull(entity, nameof(ScalingDecision.CurrentSku), decision.CurrentSku);
        EntityValues.SetIfNotNull(entity, nameof(ScalingDecision.NewSku), decision.NewSku);
        EntityValues.SetIfNotNull(entity, nameof(ScalingDecision.RecommendedCapacity), decision.RecommendedCapacity);
        EntityValues.SetIfNotNull(entity, nameof(ScalingDecision.RaisedMaximum), decision.RaisedMaximum);
        if (decision.Adjustments.Count > 0)
        {
            LargeText.Write(entity, nameof(ScalingDecision.Adjustments), JsonSerializer.Serialize(decision.Adjustments, ScalewiseJson.Options));
        }

        LargeText.Write(entity, nameof(ScalingDecision.Reason), decision.Reason);
        LargeText.Write(entity, nameof(ScalingDecision.Evaluations), JsonSerializer.Serialize(decision.Evaluations, ScalewiseJson.Options));
        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScalingDecision>> ListAsync(string policyId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var table = await decisions.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(policyId)}");
        var result = new List<ScalingDecision>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(ToDecision(entity));
            if (result.Count == limit)
            {
                break;
            }
        }

        return result;
    }

    private static ScalingDecision ToDecision(TableEntity entity)
    {
        var evaluations = LargeText.Read(entity, nameof(ScalingDecision.Evaluations)) is { } json
            ? JsonSerializer.Deserialize<List<RuleEvaluation>>(json, ScalewiseJson.Options) ?? []
            : [];
        var adjustments = LargeText.Read(entity, nameof(ScalingDecision.Adjustments)) is { } adjustmentsJson
            ? JsonSerializer.Deserialize<List<DecisionAdjustment>>(adjustmentsJson, ScalewiseJson.Options) ?? []
            : [];

        // Rows written before severity was recorded read as Normal.
        var severity = entity.GetString(nameof(ScalingDecision.Severity)) is { } text
            ? Enum.Parse<DecisionSeverity>(text, ignoreCase: false)
            : DecisionSeverity.Normal;
        return new ScalingDecision(
            EntityValues.ReadString(entity, nameof(ScalingDecision.PolicyId)),
            EntityValues.ReadString(entity, nameof(ScalingDecision.TargetResourceId)),
            EntityValues.ReadEnum<DecisionKind>(entity, nameof(ScalingDecision.Kind)),
            EntityValues.ReadEnum<DecisionOutcome>(entity, nameof(ScalingDecision.Outcome)),
            EntityValues.ReadEnum<ScaleDirection>(entity, nameof(ScalingDecision.Direction)),
            EntityValues.ReadInt(entity, nameof(ScalingDecision.CurrentCapacity)),
            EntityValues.ReadInt(entity, nameof(ScalingDecision.NewCapacity)),
            LargeText.Read(entity, nameof(ScalingDecision.Reason)) ?? string.Empty,
            evaluations,
            EntityValues.ReadTime(entity, nameof(ScalingDecision.DecidedAt)))
        {
            CurrentSku = entity.GetString(nameof(ScalingDecision.CurrentSku)),
            NewSku = entity.GetString(nameof(ScalingDecision.NewSku)),
            Adjustments = adjustments,
            Severity = severity,
            RecommendedCapacity = entity.GetInt32(nameof(ScalingDecision.RecommendedCapacity)),
            RaisedMaximum = entity.GetInt32(nameof(ScalingDecision.RaisedMaximum)),
        };
    }
}
