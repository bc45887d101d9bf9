using Scalewise.Backtest.Strategies;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Traces;
using static Scalewise.Backtest.Tests.SimulationSamples;

namespace Scalewise.Backtest.Tests.Strategies;

/// <summary>
/// The recommended web-tier policy (examples/policies/web-default.json), calibrated to the test model (100 requests a minute
/// per instance) as <c>scalewise simulate --calibrate 70</c> does: its emergency part answers sustained saturation, not noise.
/// </summary>
public sealed class WebDefaultPolicyTests
{
    private static readonly ScalingPolicy WebDefault = PolicyCalibration.ToModel(
        PolicyDocument.Parse(ExampleJson("web-default.json")).Policy!, Model(), 70).Policy;

    [Fact]
    public void WebDefault_CombinesPredictiveReactiveAndEmergencyParts()
    {
        Assert.NotNull(WebDefault.Predictive);
        Assert.Contains(WebDefault.Rules, r => r.Action.Direction == ScaleDirection.Increase);
        Assert.Contains(WebDefault.Rules, r => r.Action.Direction == ScaleDirection.Decrease);
        Assert.Contains(WebDefault.Rules, r => r.Trigger.CriticalThreshold is not null);
    }

    [Fact]
    public void Replay_WebDefault_NoisyLoadWithoutOverload_NoEmergency()
    {
        // Every minute between half and one and a half times 150 requests: the count often doubles from one minute to the
        // next (a request-growth emergency would fire), but the CPU rules keep capacity ahead of the mean.
        var strategy = new PolicyStrategy(WebDefault);

        Backtester.Replay(Noisy(days: 2, spikeAt: null), Model(), WebDefault.Capacity, strategy);

        Assert.Equal(0, strategy.Actions.GetValueOrDefault(DecisionKind.Emergency));
        Assert.True(strategy.Actions.GetValueOrDefault(DecisionKind.Reactive) > 0);
    }

    [Fact]
    public void Replay_WebDefault_SustainedOverload_EmergencyScaleOut()
    {
        // The same load, then four times as much for an hour from 12:00 on the second day.
        var strategy = new PolicyStrategy(WebDefault);

        Backtester.Replay(Noisy(days: 2, spikeAt: 1440 + 720), Model(), WebDefault.Capacity, strategy);

        Assert.True(strategy.Actions.GetValueOrDefault(DecisionKind.Emergency) >= 1);
    }

    private static WorkloadTrace Noisy(int days, int? spikeAt)
    {
        var random = new Random(17);
        return new WorkloadTrace(Start, Enumerable.Range(0, days * 1440).Select(m =>
        {
            var load = 150 * (0.5 + random.NextDouble());
            return (int)(m >= spikeAt && m < spikeAt + 60 ? 4 * load : load);
        }));
    }
}
