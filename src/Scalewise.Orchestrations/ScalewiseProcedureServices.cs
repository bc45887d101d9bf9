using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Evaluation;

namespace Scalewise.Orchestrations;

/// <summary>Registers the activities and handlers every host shares (the Functions app and the local runner).</summary>
public static class ScalewiseProcedureServices
{
    public const string TimingSection = "Scalewise:Procedures";

    public static IServiceCollection AddScalewiseProcedures(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var timing = new ProcedureTiming();
        configuration.GetSection(TimingSection).Bind(timing);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(timing);
        services.TryAddSingleton(new ProcedureClock());
        services.TryAddSingleton(PriceConfiguration.Read(configuration));
        services.AddSingleton<ProcedureLauncher>();
        services.AddSingleton<ProcedureActivities>();
        services.AddSingleton<VerticalActivities>();
        services.AddSingleton<WarningNotifications>();
        services.AddSingleton<TargetReader>();
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
        return services;
    }
}
