using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Orchestrations.Tests.Api;

[Collection(LocalEstateCollection.Name)]
public sealed class ManualScaleRequestsTests(LocalEstateFixture estate)
{
    private ManualScaleRequests Requests => estate.Services.GetRequiredService<ManualScaleRequests>();

    [Fact]
    public async Task RequestAsync_CapacityAboveMaximum_Returns400NamingTheBound()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("above", capacity: 2, maximum: 6);

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"capacity": 50}""", "tests", CancellationToken.None);

        Assert.False(outcome.Started);
        Assert.Equal(400, outcome.Problem!.Status);
        Assert.Equal("capacity", outcome.Problem.Field);
        Assert.Contains("maximum", outcome.Problem.Detail, StringComparison.Ordinal);
        Assert.Contains("6", outcome.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal(2, scaleSet.Capacity);
    }

    [Fact]
    public async Task RequestAsync_CapacityBelowMinimum_Returns400NamingTheBound()
    {
        var (policy, _) = await estate.AddTargetAsync("below", capacity: 3, minimum: 2);

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"capacity": 1}""", "tests", CancellationToken.None);

        Assert.Equal(400, outcome.Problem!.Status);
        Assert.Contains("minimum", outcome.Problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"capacity": "five"}""", "capacity")]
    [InlineData("""{"capacity": 2.5}""", "capacity")]
    [InlineData("""{"reason": "more"}""", "capacity")]
    [InlineData("""{"capacity": 3, "size": "large"}""", "size")]
    [InlineData("""{"capacity": 3, "reason": 7}""", "reason")]
    [InlineData("not json", "body")]
    public async Task RequestAsync_MalformedBody_Returns400NamingTheField(string body, string field)
    {
        var (policy, _) = await estate.AddTargetAsync("malformed", capacity: 2);

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, body, "tests", CancellationToken.None);

        Assert.Equal(400, outcome.Problem!.Status);
        Assert.Equal(field, outcome.Problem.Field);
    }

    [Fact]
    public async Task RequestAsync_UnknownTarget_Returns404()
    {
        var outcome = await Requests.RequestAsync(estate.Host.Client, "no-such-target", """{"capacity": 3}""", "tests", CancellationToken.None);

        Assert.Equal(404, outcome.Problem!.Status);
        Assert.Equal("target", outcome.Problem.Field);
    }

    [Fact]
    public async Task RequestAsync_SecondRequestWhileFirstRuns_ReturnsConflictWithRunningInstance()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("conflict", capacity: 2, warmUp: TimeSpan.FromSeconds(3));

        var first = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"capacity": 4, "reason": "launch"}""", "tests", CancellationToken.None);
        var second = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"capacity": 5}""", "tests", CancellationToken.None);

        Assert.True(first.Started);
        Assert.True(second.Conflict);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(ProcedureIds.ForTarget(policy.Id), second.InstanceId);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(first.InstanceId!, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal(4, scaleSet.Capacity);

        var decisions = await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None);
        var decision = Assert.Single(decisions);
        Assert.Equal(DecisionKind.Manual, decision.Kind);
        Assert.Equal(4, decision.NewCapacity);
    }
}
