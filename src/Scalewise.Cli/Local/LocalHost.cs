using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalewise.Azure;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Orchestrations.Telemetry;
using Scalewise.Simulator.Hosting;

namespace Scalewise.Cli.Local;

/// <summary>
/// The one local host <c>scalewise run</c> and <c>scalewise serve</c> start: the same services, orchestrators, activities
/// and HTTP routes (API and dashboard) as the Functions app, on 127.0.0.1, over the given Table Storage, the estate
/// simulator and the in-process Durable Task host, with procedure waits compressed <paramref name="speed"/> times.
/// </summary>
public static class LocalHost
{
    public static WebApplication Build(int port, string storage, EstateSimulator simulator, TimeProvider clock, double speed)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scalewise:Tables:ConnectionString"] = storage,
            ["Scalewise:Arm:Endpoint"] = simulator.BaseUri.ToString(),
            ["Scalewise:Arm:TrustedCertificateThumbprint"] = simulator.CertificateThumbprint,
            ["Scalewise:Arm:StaticBearerToken"] = "scalewise-local-run",

            // The estate simulator has each minute's metrics at once; Azure Monitor's ingestion latency does not apply.
            ["Scalewise:Metrics:ApplyIngestionLatency"] = "false",
            ["Scalewise:Procedures:ProvisioningPollInterval"] = "00:00:01",
            ["Scalewise:Procedures:ProvisioningTimeout"] = "00:03:00",
        });
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<ProcedureClock>(new CompressedProcedureClock(speed));
        builder.Services.AddScalewiseAzure(builder.Configuration);
        builder.Services.AddScalewiseProcedures(builder.Configuration);
        builder.Services.AddScalewiseOpenTelemetry(builder.Configuration);
        builder.Services.AddInMemoryDurableTask(registry => registry.AddScalewiseTasks(), new InMemoryDurableTaskOptions { Port = LocalPorts.Free() });
        builder.Services.AddSingleton<IApiHost, LocalApiHost>();
        var app = builder.Build();
        LocalApi.Map(app);
        return app;
    }
}
