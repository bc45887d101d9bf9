using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>A forecast above the maximum with IncreaseMaxCapacity: the raised maximum travels from the decision to the guard.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class IncreaseMaxCapacityTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LaunchAsync_PredictiveDecisionAboveMaximumWithIncreaseMaxCapacity_ScalesPastTheMaximumWithinTheBuffer()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("raise", capacity: 8, maximum: 10);
        policy = await RaiseMaximumByForecastAsync(policy);
        var now = DateTimeOffset.UtcNow;

        // 12,000 requests at 1,000 per instance needs 12; the buffer of 10% raises the maximum to floor(12 × 1.1) = 13.
        var decision = ScalingTick.Decide(policy, [], TargetState.Empty(policy.Id), 8, now, Forecast(now, 12000));
        Assert.Equal((12, 13), (decision.NewCapacity, decision.RaisedMaximum));
        using var timeout = new CancellationTokenSource(Budget);
        var launch = await estate.Services.GetRequiredService<ProcedureLauncher>().LaunchAsync(estate.Host.Client, policy, decision, "tests", timeout.Token);

        var result = await CompleteAsync(launch.InstanceId, timeout.Token);
        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal(12, scaleSet.Capacity);
        Assert.Contains(result.Steps, s => s.Name == ProcedureStepNames.Guard && s.Result.Contains("maximum raised to 13", StringComparison.Ordinal));
        var stored = await estate.Services.GetRequiredService<IPolicyStore>().GetAsync(policy.Id, CancellationToken.None);
        Assert.Equal(10, stored!.Policy.Capacity.Maximum);
    }

    [Fact]
    public async Task ScaleProcedure_PredictiveAboveTheRaisedMaximum_IsCancelledByGuard()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("raise-more", capacity: 8, maximum: 10);
        policy = await RaiseMaximumByForecastAsync(policy);
        var input = new ScaleProcedureInput(policy.Id, policy.Target.ResourceId, policy.Target.Kind, DecisionKind.Predictive, 14, "forecast", "tests", policy.WarmUp, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), RaisedMaximum: 13);
        using var timeout = new CancellationTokenSource(Budget);
        var instanceId = await estate.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), input, new StartOrchestrationOptions(ProcedureIds.ForTarget(policy.Id)), timeout.Token);

        var result = await CompleteAsync(instanceId, timeout.Token);

        Assert.Equal(ProcedureOutcome.Cancelled, result.Outcome);
        Assert.Contains("outside the policy's bounds", result.Summary, StringComparison.Ordinal);
        Assert.Equal(8, scaleSet.Capacity);
    }

    private async Task<ScalingPolicy> RaiseMaximumByForecastAsync(ScalingPolicy policy)
    {
        var raising = policy with
        {
            Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 1000, MaxCapacityBreach: MaxCapacityBreach.IncreaseMaxCapacity, MaxCapacityBuffer: 10),
        };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(raising, ifMatch: null, CancellationToken.None);
        return raising;
    }

    private static DemandForecast Forecast(DateTimeOffset now, double demand)
    {
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        return new DemandForecast("holt-winters", hour, [new ForecastPoint(hour, demand), new ForecastPoint(hour.AddHours(1), demand)], null, "test");
    }

    private async Task<ScaleProcedureResult> CompleteAsync(string instanceId, CancellationToken cancellationToken)
    {
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        return completed.ReadOutputAs<ScaleProcedureResult>() ?? throw new InvalidOperationException("The procedure returned no result.");
    }
}
