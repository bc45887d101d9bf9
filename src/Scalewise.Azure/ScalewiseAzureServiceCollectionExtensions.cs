using Azure.Data.Tables;
using Azure.ResourceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Arm;
using Scalewise.Azure.Metrics;
using Scalewise.Azure.Notifications;
using Scalewise.Azure.Tables;
using Scalewise.Azure.Targets;
using Scalewise.Core.Ports;

namespace Scalewise.Azure;

/// <summary>Registers Scalewise's Azure adapters: Table Storage stores, Azure Monitor metrics, the scale-set, VM, Redis and Azure Managed Redis controllers and the webhook notifier.</summary>
public static class ScalewiseAzureServiceCollectionExtensions
{
    /// <summary>Table Storage by connection string (Azurite, or a key-based account).</summary>
    public const string TablesConnectionStringKey = "Scalewise:Tables:ConnectionString";

    /// <summary>Table Storage by endpoint (https://account.table.core.windows.net), reached with the managed identity.</summary>
    public const string TablesServiceUriKey = "Scalewise:Tables:ServiceUri";

    public static IServiceCollection AddScalewiseAzure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Every options class is bound once from its section; those with rules are checked when the host starts, and a
        // failure names the setting (e.g. "Scalewise:Arm:Endpoint is '...', which is not an absolute https URL").
        services.AddOptions<ArmConnectionOptions>().Bind(configuration.GetSection(ArmConnectionOptions.SectionName)).ValidateOnStart();
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName)).ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName));
        services.AddOptions<ArmTargetOptions>().Bind(configuration.GetSection(ArmTargetOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArmConnectionOptions>, ArmConnectionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new ArmConnection(sp.GetRequiredService<IOptions<ArmConnectionOptions>>().Value));
        services.TryAddSingleton<ArmClient>(sp => sp.GetRequiredService<ArmConnection>().Client);
        services.TryAddSingleton(sp => CreateTableServiceClient(configuration, sp.GetRequiredService<IOptions<ArmConnectionOptions>>().Value));

        services.TryAddSingleton<TablePolicyStore>();
        services.TryAddSingleton<IPolicyStore>(sp => sp.GetRequiredService<TablePolicyStore>());
        services.TryAddSingleton<IDecisionLog, TableDecisionLog>();
        services.TryAddSingleton<IProcedureHistory, TableProcedureHistory>();
        services.TryAddSingleton<ITargetStateStore, TableTargetStateStore>();
        services.TryAddSingleton<IApprovalStore, TableApprovalStore>();
        services.TryAddSingleton<IForecastStore, TableForecastStore>();
        services.TryAddSingleton<ICapacityReportStore, TableCapacityReportStore>();
        services.TryAddSingleton<ILaunchLeases, TableLaunchLeases>();

        services.TryAddSingleton<IMetricReader>(MetricReaderFactory.Create);
        services.TryAddSingleton<ITargetController, ScaleSetController>();
        services.TryAddSingleton<IVirtualMachineController, VirtualMachineController>();
        services.TryAddSingleton<IRedisCacheController, RedisCacheController>();
        services.TryAddSingleton<IRedisEnterpriseController, RedisEnterpriseController>();
        services.AddHttpClient<WebhookNotifier>().AddNotificationResilience();
        services.AddHttpClient<TeamsNotifier>().AddNotificationResilience();
        services.AddHttpClient(NotifierFactory.EventGridClientName).AddNotificationResilience();
        services.TryAddSingleton(NotifierFactory.CreateEventGrid);
        services.TryAddTransient<INotifier>(NotifierFactory.Create);
        return services;
    }

    private static TableServiceClient CreateTableServiceClient(IConfiguration configuration, ArmConnectionOptions armOptions)
    {
        var connectionString = configuration[TablesConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TableServiceClient(connectionString);
        }

        var serviceUri = configuration[TablesServiceUriKey];
        if (!string.IsNullOrWhiteSpace(serviceUri))
        {
            if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException($"'{TablesServiceUriKey}' is '{serviceUri}', which is not an absolute URI; use e.g. https://<account>.table.core.windows.net.");
            }

            return new TableServiceClient(uri, ArmConnection.CreateAzureCredential(armOptions));
        }

        throw new InvalidOperationException(
            $"Table Storage is not configured: set '{TablesConnectionStringKey}' (e.g. UseDevelopmentStorage=true for Azurite) or '{TablesServiceUriKey}' (https://<account>.table.core.windows.net, reached with the managed identity).");
    }
}
