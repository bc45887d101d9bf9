using Microsoft.Extensions.Time.Testing;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Tests;

public sealed class EstateTests
{
    private const string Id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/v";

    [Fact]
    public void AddScaleSet_NotAScaleSetId_ThrowsExplainingTheFormat()
    {
        var estate = new Estate(new FakeTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => estate.AddScaleSet("/subscriptions/s/resourceGroups/rg", 1, new ScaleSetModel()));

        Assert.Contains("virtualMachineScaleSets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetScaleSet_DifferentCase_FindsIt()
    {
        var estate = new Estate(new FakeTimeProvider());
        var added = estate.AddScaleSet(Id, 1, new ScaleSetModel());

        Assert.Same(added, estate.GetScaleSet(Id.ToUpperInvariant()));
    }

    [Fact]
    public void CpuPercentAt_PastMinuteAfterScaleOut_UsesInstancesReadyThen()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var scaleSet = new Estate(time).AddScaleSet(Id, 1, new ScaleSetModel(RequestsPerSecondPerInstance: 10, BaselineCpuPercent: 0, ProvisioningDelay: TimeSpan.FromMinutes(2)));
        scaleSet.SetLoad(new ConstantLoadProfile(5));
        var before = time.GetUtcNow();

        scaleSet.RequestCapacity(2);
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(50, scaleSet.CpuPercentAt(before));
        Assert.Equal(50, scaleSet.CpuPercentAt(before.AddMinutes(1.9)));
        Assert.Equal(25, scaleSet.CpuPercentAt(before.AddMinutes(2)));
        Assert.Equal(1, scaleSet.ReadyInstancesAt(before.AddMinutes(1)));
    }

    [Fact]
    public void SetLoad_Later_DoesNotRewriteHistory()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var scaleSet = new Estate(time).AddScaleSet(Id, 1, new ScaleSetModel());
        var start = time.GetUtcNow();
        scaleSet.SetLoad(new ConstantLoadProfile(5));
        time.Advance(TimeSpan.FromMinutes(5));

        scaleSet.SetLoad(new ConstantLoadProfile(50));

        Assert.Equal(5, scaleSet.RequestsPerSecondAt(start.AddMinutes(-10)));
        Assert.Equal(5, scaleSet.RequestsPerSecondAt(start.AddMinutes(4)));
        Assert.Equal(50, scaleSet.RequestsPerSecondAt(time.GetUtcNow()));
    }
}
