using Scalewise.Azure.Tables;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;

namespace Scalewise.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableDecisionLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_AfterAppends_ReturnsNewestFirstWithReasonAndEvaluations()
    {
        var log = new TableDecisionLog(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");
        for (var minute = 0; minute < 5; minute++)
        {
            await log.AppendAsync(TestData.Decision(policyId, Start.AddMinutes(minute), $"tick {minute}"), CancellationToken.None);
        }

        var decisions = await log.ListAsync(policyId, 3, CancellationToken.None);

        Assert.Equal(["tick 4", "tick 3", "tick 2"], decisions.Select(d => d.Reason));
        var newest = decisions[0];
        Assert.Equal(Start.AddMinutes(4), newest.DecidedAt);
        Assert.Equal(DecisionOutcome.Scale, newest.Outcome);
        Assert.Equal(3, newest.NewCapacity);
        Assert.Equal(82.5, Assert.Single(newest.Evaluations).Observed);
    }

    [Fact]
    public async Task AppendAsync_TwoDecisionsAtTheSameInstant_KeepsBoth()
    {
        var log = new TableDecisionLog(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");

        await log.AppendAsync(TestData.Decision(policyId, Start, "first"), CancellationToken.None);
        await log.AppendAsync(TestData.Decision(policyId, Start, "second") with { Outcome = DecisionOutcome.CooldownHeld }, CancellationToken.None);

        var decisions = await log.ListAsync(policyId, 10, CancellationToken.None);
        Assert.Equal(["first", "second"], decisions.Select(d => d.Reason).Order());
    }

    [Fact]
    public async Task ListAsync_OtherTargetsDecisions_AreNotIncluded()
    {
        var log = new TableDecisionLog(azurite.CreateTableServiceClient());
        var mine = TestData.UniqueId("web");
        var theirs = TestData.UniqueId("api");
        await log.AppendAsync(TestData.Decision(mine, Start, "mine"), CancellationToken.None);
        await log.AppendAsync(TestData.Decision(theirs, Start, "theirs"), CancellationToken.None);

        var decisions = await log.ListAsync(mine, 10, CancellationToken.None);

        Assert.Equal("mine", Assert.Single(decisions).Reason);
    }

    [Fact]
    public async Task ListAsync_DecisionWithSkuAdjustmentsAndSeverity_ReadsEveryMemberBack()
    {
        var log = new TableDecisionLog(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("cache");
        var decision = TestData.Decision(policyId, Start, "server load above 90%: one rung up, capped by the cost cap") with
        {
            Evaluations =
            [
                new RuleEvaluation("load-high", "serverLoad", ScaleDirection.Increase, 93.5, ComparisonOperator.GreaterThan, 80, true)
                {
                    Tier = MetricTier.Critical,
                    DesiredCapacity = 2,
                },
                new RuleEvaluation("memory-high", "usedmemorypercentage", ScaleDirection.Increase, 61, ComparisonOperator.GreaterThan, 75, false)
                {
                    Tier = MetricTier.Warning,
                },
            ],
            CurrentSku = "Standard_C1",
            NewSku = "Standard_C2",
            Adjustments =
            [
                new DecisionAdjustment(AdjustmentKind.CostCap, "Standard_C3 costs 0.40/h, above the cap of 0.30/h; Standard_C2 instead."),
                new DecisionAdjustment(AdjustmentKind.Bounds, "capped at the maximum of 3"),
            ],
            Severity = DecisionSeverity.Critical,
            RecommendedCapacity = 4,
        };

        await log.AppendAsync(decision, CancellationToken.None);
        var read = Assert.Single(await log.ListAsync(policyId, 10, CancellationToken.None));

        Assert.Equal("Standard_C1", read.CurrentSku);
        Assert.Equal("Standard_C2", read.NewSku);
        Assert.Equal(decision.Adjustments, read.Adjustments);
        Assert.Equal(DecisionSeverity.Critical, read.Severity);
        Assert.True(read.IsCritical);
        Assert.Equal(4, read.RecommendedCapacity);
        Assert.Equal(decision.Evaluations, read.Evaluations);
        Assert.Equal([MetricTier.Critical, MetricTier.Warning], read.Evaluations.Select(e => e.Tier));
        Assert.Equal([2, null], read.Evaluations.Select(e => e.DesiredCapacity));
    }

    [Fact]
    public async Task ListAsync_PlainDecision_ReadsDefaultsForTheOptionalMembers()
    {
        var log = new TableDecisionLog(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");

        await log.AppendAsync(TestData.Decision(policyId, Start, "plain"), CancellationToken.None);
        var read = Assert.Single(await log.ListAsync(policyId, 10, CancellationToken.None));

        Assert.Null(read.CurrentSku);
        Assert.Null(read.NewSku);
        Assert.Empty(read.Adjustments);
        Assert.Equal(DecisionSeverity.Normal, read.Severity);
        Assert.Null(read.RecommendedCapacity);
    }
}
