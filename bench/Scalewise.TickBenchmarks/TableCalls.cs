using Azure.Core;
using Azure.Core.Pipeline;

namespace Scalewise.TickBenchmarks;

/// <summary>Counts the Table Storage calls that go out (retries included) and adds the benchmark's latency to each, as the simulator does to ARM's.</summary>
internal sealed class TableCalls : HttpPipelinePolicy
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public TimeSpan Latency { get; set; }

    public void Reset() => Interlocked.Exchange(ref calls, 0);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref calls);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, message.CancellationToken).ConfigureAwait(false);
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref calls);
        if (Latency > TimeSpan.Zero)
        {
            Thread.Sleep(Latency);
        }

        ProcessNext(message, pipeline);
    }
}
