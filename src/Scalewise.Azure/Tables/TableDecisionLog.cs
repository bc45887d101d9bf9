using System.Text.Json;
using Azure.Data.Tables;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Serialization;

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
        };
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
            EntityValues.ReadTime(entity, nameof(ScalingDecision.DecidedAt)));
    }
}
