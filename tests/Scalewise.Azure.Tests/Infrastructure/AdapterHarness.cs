using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scalewise.Azure.Arm;
using Scalewise.Azure.Metrics;
using Scalewise.Azure.Targets;
using Scalewise.Simulator.Hosting;

namespace Scalewise.Azure.Tests.Infrastructure;

/// <summary>The estate simulator on a fake clock, and the production adapters pointed at it (real HTTPS, pinned certificate, static token).</summary>
internal sealed class AdapterHarness : IAsyncDisposable
{
    private AdapterHarness(FakeTimeProvider time, EstateSimulator simulator, ArmConnection connection)
    {
        Time = time;
        Simulator = simulator;
        Connection = connection;
        MetricReader = new AzureMonitorMetricReader(connection, NullLogger<AzureMonitorMetricReader>.Instance);
        Controller = new ScaleSetController(connection.Client, NullLogger<ScaleSetController>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public EstateSimulator Simulator { get; }

    public ArmConnection Connection { get; }

    public AzureMonitorMetricReader MetricReader { get; }

    public ScaleSetController Controller { get; }

    public static async Task<AdapterHarness> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions { TimeProvider = time });
        var connection = new ArmConnection(new ArmConnectionOptions
        {
            Endpoint = simulator.BaseUri,
            Audience = "https://management.azure.com/",
            TrustedCertificateThumbprint = simulator.CertificateThumbprint,
            StaticBearerToken = "test-token",
        });
        return new AdapterHarness(time, simulator, connection);
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Simulator.DisposeAsync();
    }
}
