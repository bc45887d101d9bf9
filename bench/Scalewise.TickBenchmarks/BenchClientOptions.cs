using Azure.Core;

namespace Scalewise.TickBenchmarks;

/// <summary>Client options for the counted ARM metrics pipeline.</summary>
internal sealed class BenchClientOptions : ClientOptions
{
}
