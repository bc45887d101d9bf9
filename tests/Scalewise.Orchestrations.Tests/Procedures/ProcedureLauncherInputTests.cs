using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Tests;

namespace Scalewise.Orchestrations.Tests.Procedures;

/// <summary>
/// What a procedure waits for comes from the policy as written in Azure, and only the local runner's clock compresses it:
/// the inputs the launcher builds, with the production clock and with the local runner's.
/// </summary>
public sealed class ProcedureLauncherInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ScaleInputFor_ProductionClock_WaitsThePolicysWarmUpAndApprovalTimeoutAsWritten()
    {
        var policy = WebDefaultWithApproval();
        var launcher = new ProcedureLauncher(new ProcedureTiming(), new ProcedureClock(), new UnusedLeases());

        var input = launcher.ScaleInputFor(policy, ScaleOut(policy, 4, 8), "tests");

        Assert.Equal(TimeSpan.FromMinutes(2), input.WarmUp);
        Assert.Equal(TimeSpan.FromMinutes(30), input.ApprovalTimeout);
    }

    [Fact]
    public void ScaleInputFor_LocalRunnerAtSpeed60_WaitsTheWarmUpAndApprovalTimeoutDividedBy60()
    {
        var policy = WebDefaultWithApproval();
        var launcher = new ProcedureLauncher(new ProcedureTiming(), new CompressedProcedureClock(60), new UnusedLeases());

        var input = launcher.ScaleInputFor(policy, ScaleOut(policy, 4, 8), "tests");

        Assert.Equal(TimeSpan.FromSeconds(2), input.WarmUp);
        Assert.Equal(TimeSpan.FromSeconds(30), input.ApprovalTimeout);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void CompressedProcedureClock_SpeedBelowOneOrNotFinite_IsRefusedNamingTheSpeed(double speed)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CompressedProcedureClock(speed));

        Assert.Equal("speed", error.ParamName);
    }

    private static ScalingPolicy WebDefaultWithApproval()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "examples", "policies", "web-default.json"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["approval"] = System.Text.Json.Nodes.JsonNode.Parse("""{"instanceThreshold": 1, "timeout": "PT30M"}""");
        var parsed = PolicyDocument.Parse(node.ToJsonString());
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return parsed.Policy!;
    }

    private static ScalingDecision ScaleOut(ScalingPolicy policy, int from, int to) =>
        new(policy.Id, policy.Target.ResourceId, DecisionKind.Reactive, DecisionOutcome.Scale, ScaleDirection.Increase, from, to, "tests", [], Now);

    /// <summary>Building an input takes no lease; only a launch does.</summary>
    private sealed class UnusedLeases : ILaunchLeases
    {
        public Task<LaunchLease?> TryAcquireAsync(string targetId, TimeSpan duration, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Building a procedure's input must not take the target's lease.");

        public Task ReleaseAsync(LaunchLease lease, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Building a procedure's input must not take the target's lease.");
    }
}
