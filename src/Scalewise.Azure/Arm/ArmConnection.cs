using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.ResourceManager;

namespace Scalewise.Azure.Arm;

/// <summary>
/// The credential, <see cref="ArmClient"/> and Azure Monitor <see cref="HttpPipeline"/> built from <see cref="ArmConnectionOptions"/>:
/// all three share one transport, so certificate pinning (local and test only) applies to every call.
/// </summary>
public sealed class ArmConnection : IDisposable
{
    private readonly HttpMessageHandler? pinnedHandler;

    public ArmConnection(ArmConnectionOptions options)
        : this(options, null)
    {
    }

    /// <summary>With <paramref name="standIn"/>, every request goes to that transport (tests feeding official example answers).</summary>
    internal ArmConnection(ArmConnectionOptions options, HttpPipelineTransport? standIn)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Endpoint);
        ArgumentException.ThrowIfNullOrEmpty(options.Audience);
        Options = options;
        Credential = string.IsNullOrEmpty(options.StaticBearerToken)
            ? CreateAzureCredential(options)
            : new StaticTokenCredential(options.StaticBearerToken);

        var transport = standIn;
        if (transport is null && !string.IsNullOrEmpty(options.TrustedCertificateThumbprint))
        {
            pinnedHandler = CertificatePinning.CreateHandler(options.TrustedCertificateThumbprint);
            transport = new HttpClientTransport(pinnedHandler);
        }

        var armOptions = new ArmClientOptions { Environment = new ArmEnvironment(options.Endpoint, options.Audience) };
        ConfigureRetry(armOptions.Retry);
        armOptions.AddPolicy(new ThrottledCallCounter(), HttpPipelinePosition.PerRetry);
        if (transport is not null)
        {
            armOptions.Transport = transport;
        }

        Client = new ArmClient(Credential, defaultSubscriptionId: null, armOptions);

        var monitorOptions = new MonitorClientOptions();
        ConfigureRetry(monitorOptions.Retry);
        monitorOptions.AddPolicy(new ThrottledCallCounter(), HttpPipelinePosition.PerRetry);
        if (transport is not null)
        {
            monitorOptions.Transport = transport;
        }

        MonitorPipeline = HttpPipelineBuilder.Build(monitorOptions, new BearerTokenAuthenticationPolicy(Credential, Scope(options.Audience)));
    }

    public ArmConnectionOptions Options { get; }

    /// <summary>The ARM endpoint requests go to.</summary>
    public Uri Endpoint => Options.Endpoint;

    public TokenCredential Credential { get; }

    public ArmClient Client { get; }

    /// <summary>The pipeline for Azure Monitor REST calls: bearer token for the audience, retries, the shared transport.</summary>
    public HttpPipeline MonitorPipeline { get; }

    /// <summary>The credential for Azure itself (never the static local token): <c>DefaultAzureCredential</c>, with the user-assigned identity when configured.</summary>
    public static TokenCredential CreateAzureCredential(ArmConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentialOptions = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrEmpty(options.ManagedIdentityClientId))
        {
            credentialOptions.ManagedIdentityClientId = options.ManagedIdentityClientId;
        }

        return new DefaultAzureCredential(credentialOptions);
    }

    public void Dispose() => pinnedHandler?.Dispose();

    internal static string Scope(string audience) =>
        audience.EndsWith('/') ? audience + ".default" : audience + "/.default";

    private static void ConfigureRetry(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromSeconds(1);
        retry.MaxDelay = TimeSpan.FromSeconds(30);
    }
}
