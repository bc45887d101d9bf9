using Scalewise.Core.Policies;
using static Scalewise.Backtest.Tests.SimulationSamples;

namespace Scalewise.Backtest.Tests;

public sealed class PolicyCalibrationTests
{
    [Fact]
    public void ToModel_RequestsFigures_BecomeThePercentageOfTheSimulatedInstance()
    {
        var policy = Policy(2, 10, 2) with
        {
            Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Requests", 42000),
            Emergency = new EmergencyScaling(GrowthMetric: "Requests", TargetPerInstance: 700),
        };

        var (calibrated, changes) = PolicyCalibration.ToModel(policy, Model(), 70);

        // The model serves 100 requests a minute per instance at the SLO: 70% is 70 a minute, 4,200 an hour.
        Assert.Equal(4200, calibrated.Predictive!.TargetPerInstance, 9);
        Assert.Equal(70, calibrated.Emergency!.TargetPerInstance!.Value, 9);
        Assert.Equal(2, changes.Count);
        Assert.Contains("predictive.targetPerInstance 42000 → 4200", changes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ToModel_OtherMetricsAndProportionalEmergency_AreLeftAsWritten()
    {
        var policy = Policy(2, 10, 2) with
        {
            Predictive = new PredictiveScaling(PredictiveMode.ForecastAndScale, "Queue Length", 50),
            Emergency = new EmergencyScaling(GrowthMetric: "Requests"),
        };

        var (calibrated, changes) = PolicyCalibration.ToModel(policy, Model(), 70);

        Assert.Same(policy, calibrated);
        Assert.Empty(changes);
    }
}
