using Azure.Core;
using Azure.Core.Pipeline;

namespace Scalewise.TickBenchmarks;

/// <summary>Counts the HTTP calls that go out on a pipeline (retries included).</summary>
internal sealed class CallCounter : HttpPipelineSynchronousPolicy
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref calls);
}
