using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Tests.Load;

public sealed class LoadProfileTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 10)]
    [InlineData(4.9, 10)]
    [InlineData(5, 40)]
    [InlineData(14, 40)]
    [InlineData(15, 40)]
    [InlineData(600, 40)]
    public void RequestsPerSecondAt_PhasedProfile_ZeroBeforeThenPhasesThenLastRateHolds(double minutes, double expected)
    {
        var profile = new PhasedLoadProfile(Start, new LoadPhase(TimeSpan.FromMinutes(5), 10), new LoadPhase(TimeSpan.FromMinutes(10), 40));

        Assert.Equal(expected, profile.RequestsPerSecondAt(Start.AddMinutes(minutes)));
    }

    [Theory]
    [InlineData(0, 300)]
    [InlineData(19, 300)]
    [InlineData(20, 100)]
    [InlineData(299, 100)]
    [InlineData(300, 300)]
    public void RequestsPerSecondAt_SpikeProfile_IsTheBaselineTimesTheFactorForTheSpikesLengthEachPeriod(double minutes, double expected)
    {
        var profile = new SpikeLoadProfile(new ConstantLoadProfile(100), TimeSpan.FromHours(5), TimeSpan.FromMinutes(20), 3);
        var periodStart = DateTimeOffset.UnixEpoch.AddHours(5 * 100_000);

        Assert.Equal(expected, profile.RequestsPerSecondAt(periodStart.AddMinutes(minutes)));
    }

    [Fact]
    public void Constructor_NoPhases_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PhasedLoadProfile(Start));
    }

    [Fact]
    public void Constructor_NegativeRate_ThrowsNamingPhase()
    {
        var error = Assert.Throws<ArgumentException>(() => new PhasedLoadProfile(Start, new LoadPhase(TimeSpan.FromMinutes(1), -3)));

        Assert.Contains("Phase 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleSetModel_DefaultDelay_ThreeMinutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(3), new ScaleSetModel().ProvisioningDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), new ScaleSetModel(ProvisioningDelay: TimeSpan.FromSeconds(30)).ProvisioningDelay);
    }
}
