using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalewise.Azure.Arm;
using Scalewise.Core.Ports;

namespace Scalewise.Azure.Metrics;

/// <summary>The metric reader configuration asks for: ARM one resource per call, or the batch API with ARM for single resources.</summary>
internal static class MetricReaderFactory
{
    public static IMetricReader Create(IServiceProvider services, IConfiguration section)
    {
        var connection = services.GetRequiredService<ArmConnection>();
        var options = section.Get<MetricsOptions>() ?? new MetricsOptions();
        if (options.MaxConcurrentCalls < 1)
        {
            throw new InvalidOperationException(
                $"'{MetricsOptions.SectionName}:{nameof(MetricsOptions.MaxConcurrentCalls)}' is {options.MaxConcurrentCalls}; it must be 1 or more (default {MetricsOptions.DefaultMaxConcurrentCalls}).");
        }

        var perResource = new AzureMonitorMetricReader(connection, services.GetRequiredService<ILogger<AzureMonitorMetricReader>>(), options.MaxConcurrentCalls);
        if (!options.UseBatch)
        {
            return perResource;
        }

        if (!string.IsNullOrWhiteSpace(options.BatchEndpoint)
            && !Uri.TryCreate(options.BatchEndpoint.Replace("{region}", "region", StringComparison.OrdinalIgnoreCase), UriKind.Absolute, out _))
        {
            throw new InvalidOperationException(
                $"'{MetricsOptions.SectionName}:{nameof(MetricsOptions.BatchEndpoint)}' is '{options.BatchEndpoint}', which is not an absolute URL; use e.g. {MetricsOptions.DefaultBatchEndpoint} or the simulator's base URL.");
        }

        // Lives as long as the singleton reader that uses it, i.e. the process.
        var batch = new MonitorBatchConnection(connection, options);
        return new BatchMetricReader(batch.Pipeline, options, perResource, services.GetRequiredService<ILogger<BatchMetricReader>>());
    }
}
