using Scalewise.Azure.Metrics;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Metrics;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Azure.Tests.Metrics;

public sealed class AzureMonitorMetricReaderTests
{
    private static MetricRequest Cpu(string resourceId, TimeAggregation aggregation = TimeAggregation.Average) =>
        new(resourceId, "Percentage CPU", "Microsoft.Compute/virtualMachineScaleSets", aggregation, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

    [Fact]
    public async Task ReadAsync_LoadedScaleSet_ReturnsCpuTheLoadCauses()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-web");
        var scaleSet = harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel(RequestsPerSecondPerInstance: 20, BaselineCpuPercent: 5));
        scaleSet.SetLoad(new ConstantLoadProfile(30));
        harness.Time.Advance(TimeSpan.FromMinutes(10));

        var windows = await harness.MetricReader.ReadAsync([Cpu(id)], harness.Time.GetUtcNow(), CancellationToken.None);

        var window = Assert.Single(windows);
        Assert.NotEmpty(window.Points);

        // 30 rps over 2 instances of 20 rps each: 75% busy on top of the 5% baseline.
        Assert.Equal(80.0, window.Aggregate(TimeAggregation.Average)!.Value, 1);
    }

    [Fact]
    public async Task ReadAsync_SeveralMetricsAndAggregations_AnswersEachRequestInOrder()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-api");
        var scaleSet = harness.Simulator.Estate.AddScaleSet(id, 1, new ScaleSetModel(RequestsPerSecondPerInstance: 100, BaselineCpuPercent: 0, BytesPerRequest: 1000));
        scaleSet.SetLoad(new ConstantLoadProfile(10));
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var network = new MetricRequest(id, "Network In Total", "Microsoft.Compute/virtualMachineScaleSets", TimeAggregation.Total, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        MetricRequest[] requests = [Cpu(id, TimeAggregation.Maximum), network, Cpu(id, TimeAggregation.Last)];

        var windows = await harness.MetricReader.ReadAsync(requests, harness.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(requests, windows.Select(w => w.Request));
        Assert.Equal(10.0, windows[0].Aggregate(TimeAggregation.Maximum)!.Value, 1);
        Assert.True(windows[1].Aggregate(TimeAggregation.Total) > 0);
        Assert.Equal(10.0, windows[2].Aggregate(TimeAggregation.Last)!.Value, 1);
    }

    [Fact]
    public async Task ReadAsync_RuleWithDimensionFilter_ReadsOnlyTheFilteredEntitysSeries()
    {
        await using var harness = await AdapterHarness.StartAsync();
        const string id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/sb-jobs";
        harness.Simulator.Estate.AddMetricResource(id);
        harness.Simulator.Estate.SetMetric(id, "ActiveMessages", _ => 300, new Dictionary<string, string> { ["EntityName"] = "ai-jobs" });
        harness.Simulator.Estate.SetMetric(id, "ActiveMessages", _ => 4, new Dictionary<string, string> { ["EntityName"] = "emails" });
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var filter = MetricRequest.FilterFor([new Scalewise.Core.Policies.MetricDimension("EntityName", Scalewise.Core.Policies.DimensionOperator.Equals, ["ai-jobs"])]);
        var queue = new MetricRequest(id, "ActiveMessages", "microsoft.servicebus/namespaces", TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), filter);

        var windows = await harness.MetricReader.ReadAsync([queue, queue with { DimensionFilter = null, Aggregation = TimeAggregation.Total }], harness.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(300, windows[0].Aggregate(TimeAggregation.Average));
        Assert.Equal(3 * 304, windows[1].Aggregate(TimeAggregation.Total));
    }

    [Fact]
    public async Task ReadAsync_MetricTheResourceDoesNotHave_ThrowsWithResourceMetricAndError()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-web");
        harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel());
        var request = Cpu(id) with { MetricName = "Disk Queue Depth" };

        var read = harness.MetricReader.ReadAsync([request], harness.Time.GetUtcNow(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<MetricReadException>(() => read);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Contains("Disk Queue Depth", error.Message, StringComparison.Ordinal);
        Assert.Equal("BadRequest", error.ErrorCode);
        Assert.Equal(400, error.Status);
    }
}
