using Scalewise.Azure.Tables;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Decisions;

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
}
