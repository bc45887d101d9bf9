using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;

namespace Scalewise.Azure.Tests.Infrastructure;

internal static class TestData
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static string ScaleSetId(string name) =>
        $"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/{name}";

    public static ScalingPolicy Policy(string id, int maximum = 10) => new(
        ScalingPolicy.CurrentVersion,
        id,
        new ScaleTarget(TargetKind.VirtualMachineScaleSet, ScaleSetId(id)),
        new CapacityBounds(1, maximum, 2),
        [
            new ScalingRule(
                "cpu-high",
                new MetricTrigger("Percentage CPU", null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), ComparisonOperator.GreaterThan, 70),
                new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5))),
        ],
        TimeSpan.FromMinutes(3));

    public static ScalingDecision Decision(string policyId, DateTimeOffset at, string reason) => new(
        policyId,
        ScaleSetId(policyId),
        DecisionKind.Reactive,
        DecisionOutcome.Scale,
        ScaleDirection.Increase,
        2,
        3,
        reason,
        [new RuleEvaluation("cpu-high", "Percentage CPU", ScaleDirection.Increase, 82.5, ComparisonOperator.GreaterThan, 70, true)],
        at);

    public static ProcedureRecord Procedure(string policyId, DateTimeOffset startedAt, params ProcedureStep[] steps) => new(
        $"scale-{policyId}-{startedAt.UtcTicks}",
        policyId,
        ScaleSetId(policyId),
        DecisionKind.Reactive,
        2,
        3,
        "CPU above 70% for 10 minutes",
        "timer",
        startedAt,
        null,
        null,
        null,
        steps);
}
