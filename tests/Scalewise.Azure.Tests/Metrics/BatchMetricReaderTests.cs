using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Azure.Metrics;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Metrics;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Azure.Tests.Metrics;

public sealed class BatchMetricReaderTests
{
    private static MetricRequest Cpu(string resourceId, TimeSpan window) =>
        new(resourceId, "Percentage CPU", "Microsoft.Compute/virtualMachineScaleSets", TimeAggregation.Average, TimeSpan.FromMinutes(1), window);

    [Fact]
    public async Task ReadAsync_SixtyLoadedScaleSetsOnTheSimulator_ReturnsWhatArmReturnsInTwoCalls()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var ids = Enumerable.Range(0, 60).Select(i => TestData.ScaleSetId($"vmss-{i:D2}")).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            var scaleSet = harness.Simulator.Estate.AddScaleSet(ids[i], 2, new ScaleSetModel(RequestsPerSecondPerInstance: 20, BaselineCpuPercent: 5));
            scaleSet.SetLoad(new ConstantLoadProfile(i % 30));
        }

        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var counter = new CallCounter();
        using var batch = new MonitorBatchConnection(harness.Connection, new MetricsOptions { BatchAudience = "https://metrics.monitor.azure.com" }, counter);
        var reader = new BatchMetricReader(
            batch.Pipeline,
            new MetricsOptions { UseBatch = true, BatchEndpoint = harness.Simulator.BaseUri.ToString(), ApplyIngestionLatency = false },
            harness.MetricReader,
            NullLogger<BatchMetricReader>.Instance);
        var requests = ids.SelectMany(id => new[] { Cpu(id, TimeSpan.FromMinutes(5)), Cpu(id, TimeSpan.FromMinutes(10)) }).ToList();
        var now = harness.Time.GetUtcNow();

        var windows = await reader.ReadAsync(requests, now, CancellationToken.None);
        var direct = await harness.MetricReader.ReadAsync(requests, now, CancellationToken.None);

        Assert.Equal(2, counter.Calls);
        Assert.Equal(requests, windows.Select(w => w.Request));
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(direct[i].Points, windows[i].Points);
        }

        // 15 rps over 2 instances of 20 rps each: 37.5% busy on top of the 5% baseline.
        Assert.Equal(42.5, windows[30].Aggregate(TimeAggregation.Average)!.Value, 1);
        Assert.Equal(5, windows[0].Points.Count(p => p.Value.HasValue));
        Assert.Equal(10, windows[1].Points.Count(p => p.Value.HasValue));
    }

    [Fact]
    public async Task ReadAsync_OneScaleSetOnly_ReadsItThroughArm()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var id = TestData.ScaleSetId("vmss-alone");
        harness.Simulator.Estate.AddScaleSet(id, 2, new ScaleSetModel()).SetLoad(new ConstantLoadProfile(10));
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var counter = new CallCounter();
        using var batch = new MonitorBatchConnection(harness.Connection, new MetricsOptions(), counter);
        var reader = new BatchMetricReader(batch.Pipeline, new MetricsOptions { UseBatch = true, BatchEndpoint = harness.Simulator.BaseUri.ToString(), ApplyIngestionLatency = false }, harness.MetricReader, NullLogger<BatchMetricReader>.Instance);

        var window = Assert.Single(await reader.ReadAsync([Cpu(id, TimeSpan.FromMinutes(5))], harness.Time.GetUtcNow(), CancellationToken.None));

        Assert.Equal(0, counter.Calls);
        Assert.NotEmpty(window.Points);
    }

    /// <summary>Counts the calls that go out on the batch pipeline.</summary>
    private sealed class CallCounter : HttpPipelineSynchronousPolicy
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref calls);
    }
}
