using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scalewise.Orchestrations.Telemetry;

/// <summary>
/// Collects Scalewise's spans and metrics (<see cref="ScalewiseTelemetry"/>), the Azure SDK's own spans (<c>Azure.*</c>) and
/// the Durable Task SDK's, and exports them: to Application Insights through the Azure Monitor exporter when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to an OTLP endpoint when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
/// to nowhere otherwise. Every host calls it (the Functions app adds the worker's own instrumentation on top).
/// </summary>
public static class ScalewiseOpenTelemetry
{
    public const string ServiceName = "scalewise";

    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>"ClientId=&lt;id&gt;;Authorization=AAD": the exporter signs in with that user-assigned identity (Bicep sets it; local auth is off).</summary>
    public const string ApplicationInsightsAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static OpenTelemetryBuilder AddScalewiseOpenTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Azure.Core's ActivitySources (one span per ARM, Monitor and Table call) stay silent without this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddSource(ScalewiseTelemetry.Name, "Azure.*", "Microsoft.DurableTask*"))
            .WithMetrics(metrics => metrics.AddMeter(ScalewiseTelemetry.Name));
        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsSetting]))
        {
            var credential = EntraCredential(configuration[ApplicationInsightsAuthenticationSetting]);
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = configuration[ApplicationInsightsSetting];
                if (credential is not null)
                {
                    options.Credential = credential;
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            builder.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The managed identity "ClientId=&lt;id&gt;;Authorization=AAD" names; null when the string asks for no Entra sign-in.</summary>
    public static ManagedIdentityCredential? EntraCredential(string? authentication)
    {
        var parts = (authentication ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
