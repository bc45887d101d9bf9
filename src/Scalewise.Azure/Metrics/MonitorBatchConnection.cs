using Azure.Core.Pipeline;

namespace Scalewise.Azure.Metrics;

/// <summary>
/// The pipeline for the Azure Monitor data-plane batch API: the ARM connection's credential with the batch audience, the same
/// retries, and the same certificate pinning when the ARM connection pins one (local and test only).
/// </summary>
public sealed class MonitorBatchConnection : IDisposable
{
    private readonly HttpMessageHandler? pinnedHandler;

    public MonitorBatchConnection(ArmConnection connection, MetricsOptions options, params HttpPipelinePolicy[] perCallPolicies)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.BatchAudience);
        var clientOptions = new MonitorClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.Delay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        if (!string.IsNullOrEmpty(connection.Options.TrustedCertificateThumbprint))
        {
            pinnedHandler = CertificatePinning.CreateHandler(connection.Options.TrustedCertificateThumbprint);
            clientOptions.Transport = new HttpClientTransport(pinnedHandler);
        }

        foreach (var policy in perCallPolicies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        Pipeline = HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(connection.Credential, ArmConnection.Scope(options.BatchAudience)));
    }

    public HttpPipeline Pipeline { get; }

    public void Dispose() => pinnedHandler?.Dispose();
}
