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
/// The one local host <c>scalewise run</c>, <c>scalewise serve</c> and <c>scalewise campaign</c> start: the same services,
/// orchestrators, activities and HTTP routes (API and dashboard) as the Functions app, on 127.0.0.1, over the given Table
/// Storage, the estate simulator and the in-process Durable Task host, with procedure waits compressed <c>speed</c> times.
/// </summary>
public static class LocalHost
{
    public static WebApplication Build(int port, string storage, EstateSimulator simulator, TimeProvider clock, double speed) =>
        Build(new LocalHostSettings(storage, simulator, clock, speed, port));

    public static WebApplication Build(LocalHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{settings.Port}"));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(settings.MinimumLogLevel);
        var configuration = new Dictionary<string, string?>
        {
            ["Scalewise:Tables:ConnectionString"] = settings.Storage,
            ["Scalewise:Arm:Endpoint"] = settings.Simulator.BaseUri.ToString(),
            ["Scalewise:Arm:TrustedCertificateThumbprint"] = settings.Simulator.CertificateThumbprint,
            ["Scalewise:Arm:StaticBearerToken"] = "scalewise-local-run",

            // The estate simulator has each minute's metrics at once; Azure Monitor's ingestion latency does not apply.
            ["Scalewise:Metrics:ApplyIngestionLatency"] = "false",
            ["Scalewise:Procedures:ProvisioningPollInterval"] = "00:00:01",
            ["Scalewise:Procedures:ProvisioningTimeout"] = "00:03:00",
        };
        foreach (var (key, value) in settings.Settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        settings.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddSingleton(settings.Clock);
        builder.Services.AddSingleton<ProcedureClock>(new CompressedProcedureClock(settings.Speed));
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
