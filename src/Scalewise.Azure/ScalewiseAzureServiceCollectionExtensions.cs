using Azure.ResourceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalewise.Azure.Metrics;
using Scalewise.Azure.Notifications;
using Scalewise.Azure.Tables;
using Scalewise.Azure.Targets;

namespace Scalewise.Azure;

/// <summary>Registers Scalewise's Azure adapters: Table Storage stores, Azure Monitor metrics, the scale-set, VM, Redis and Azure Managed Redis controllers and the webhook notifier.</summary>
public static class ScalewiseAzureServiceCollectionExtensions
{
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
        services.AddOptions<TableStorageOptions>().Bind(configuration.GetSection(TableStorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArmConnectionOptions>, ArmConnectionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new ArmConnection(sp.GetRequiredService<IOptions<ArmConnectionOptions>>().Value));
        services.TryAddSingleton<ArmClient>(sp => sp.GetRequiredService<ArmConnection>().Client);
        services.TryAddSingleton(sp => CreateTableServiceClient(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value,
            sp.GetRequiredService<IOptions<ArmConnectionOptions>>().Value));

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
        services.TryAddSingleton<ITargetInventory, ArmTargetInventory>();
        services.AddHttpClient<WebhookNotifier>().AddNotificationResilience();
        services.AddHttpClient<TeamsNotifier>().AddNotificationResilience();
        services.AddHttpClient(NotifierFactory.EventGridClientName).AddNotificationResilience();
        services.TryAddSingleton(NotifierFactory.CreateEventGrid);
        services.TryAddTransient<INotifier>(NotifierFactory.Create);
        return services;
    }

    /// <summary>The table client the options name (checked at start by <see cref="TableStorageOptionsValidator"/>).</summary>
    private static TableServiceClient CreateTableServiceClient(TableStorageOptions tables, ArmConnectionOptions armOptions) =>
        string.IsNullOrWhiteSpace(tables.ConnectionString)
            ? new TableServiceClient(new Uri(tables.ServiceUri!, UriKind.Absolute), ArmConnection.CreateAzureCredential(armOptions))
            : new TableServiceClient(tables.ConnectionString);
}
