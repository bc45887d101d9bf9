using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Evaluation;

namespace Scalewise.Orchestrations;

/// <summary>Registers the activities and handlers every host shares (the Functions app and the local runner).</summary>
public static class ScalewiseProcedureServices
{
    public static IServiceCollection AddScalewiseProcedures(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Options bound once from their sections and checked when the host starts; a failure names the setting.
        services.AddOptions<ProcedureTiming>().Bind(configuration.GetSection(ProcedureTiming.SectionName)).ValidateOnStart();
        services.AddOptions<PriceOptions>().Bind(configuration.GetSection(PriceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcedureTiming>, ProcedureTimingValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PriceOptions>, PriceOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ProcedureTiming>>().Value);
        services.TryAddSingleton(sp => PriceConfiguration.ToTable(sp.GetRequiredService<IOptions<PriceOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ProcedureClock());
        services.AddSingleton<ProcedureLauncher>();
        services.AddSingleton<ProcedureActivities>();
        services.AddSingleton<VerticalActivities>();
        services.AddSingleton<WarningNotifications>();
        services.AddSingleton<TargetReader>();
        services.AddSingleton<TickReader>();
        services.AddSingleton<EmergencyActivities>();
        services.AddSingleton<CapacityReportQuery>();
        services.AddSingleton<PolicyEvaluation>();
        services.AddSingleton<ScheduleApplication>();
        services.AddSingleton<DemandForecastRun>();
        services.AddSingleton<TimerJobs>();
        services.AddSingleton<TargetForecastQuery>();
        services.AddSingleton<ManualScaleRequests>();
        services.AddSingleton<TargetHistoryQuery>();
        services.AddSingleton<ApprovalRequests>();
        services.AddSingleton<PolicyRequests>();
        services.AddSingleton<TargetListQuery>();
        services.AddSingleton<TargetTimelineQuery>();
        services.AddSingleton<ProcedureListQuery>();
        return services;
    }
}
