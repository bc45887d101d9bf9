using Microsoft.DurableTask.Client;
using Scalewise.Core.Forecasting;
using Scalewise.Orchestrations.Telemetry;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// The timer jobs, one method per timer: the Functions app's timer triggers call them on their NCRONTAB schedules, and the
/// local runner calls the same methods on its compressed clock. A host decides only when a job runs, never what it does.
/// </summary>
/// <remarks>
/// A storage outage (<see cref="StorageOutages"/>) skips the job with a warning instead of failing the host's loop: nothing was
/// recorded half-way that the next run does not redo, and the next run tries again.
/// </remarks>
public sealed partial class TimerJobs(PolicyEvaluation evaluation, ScheduleApplication schedules, DemandForecastRun forecasts, ILogger<TimerJobs> logger)
{
    /// <summary>EvaluatePolicies' default period (<c>0 */1 * * * *</c>): the reactive tick.</summary>
    public static readonly TimeSpan EvaluatePoliciesPeriod = TimeSpan.FromMinutes(1);

    /// <summary>ApplySchedules' default period (<c>0 */1 * * * *</c>); a window change within the last period is applied once.</summary>
    public static readonly TimeSpan ApplySchedulesPeriod = ScheduleApplication.Period;

    /// <summary>CheckEmergencies' default period (<c>*/15 * * * * *</c>): the short emergency check between minute ticks.</summary>
    public static readonly TimeSpan CheckEmergenciesPeriod = TimeSpan.FromSeconds(15);

    /// <summary>ForecastDemand's default period (<c>0 5 * * * *</c>): hourly.</summary>
    public static readonly TimeSpan ForecastDemandPeriod = TimeSpan.FromHours(1);

    /// <summary>The reactive tick: decide for every policy, record, and start procedures.</summary>
    public async Task<IReadOnlyList<ScalingDecision>> EvaluatePoliciesAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var span = ScalewiseTelemetry.StartTick("EvaluatePolicies");
        return await SkipOnStorageOutageAsync(nameof(EvaluatePoliciesAsync), () => evaluation.EvaluateAllAsync(client, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts procedures where a schedule window began or ended since the previous tick.</summary>
    public async Task<IReadOnlyList<ScalingDecision>> ApplySchedulesAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var span = ScalewiseTelemetry.StartTick("ApplySchedules");
        return await SkipOnStorageOutageAsync(nameof(ApplySchedulesAsync), () => schedules.ApplyAllAsync(client, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The short tick: acts only on emergencies of the policies that can have one (<see cref="MayHaveEmergency"/>).</summary>
    public async Task<IReadOnlyList<ScalingDecision>> CheckEmergenciesAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var span = ScalewiseTelemetry.StartTick("CheckEmergencies");
        return await SkipOnStorageOutageAsync(nameof(CheckEmergenciesAsync), () => evaluation.CheckEmergenciesAsync(client, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forecasts the next hours of every predictive policy's demand and stores the forecasts.</summary>
    public async Task<IReadOnlyList<DemandForecast>> ForecastDemandAsync(CancellationToken cancellationToken)
    {
        using var span = ScalewiseTelemetry.StartTick("ForecastDemand");
        return await SkipOnStorageOutageAsync(nameof(ForecastDemandAsync), () => forecasts.ForecastAllAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether <see cref="CheckEmergenciesAsync"/> has anything to check for the policy: a scale set's policy with emergency
    /// settings or a critical tier (the decision engine makes no emergency for a policy that scales by SKU).
    /// </summary>
    public static bool MayHaveEmergency(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return !policy.IsVertical && (policy.Emergency is not null || policy.Rules.Any(r => r.Trigger.CriticalThreshold is not null));
    }

    private async Task<IReadOnlyList<T>> SkipOnStorageOutageAsync<T>(string job, Func<Task<IReadOnlyList<T>>> run, CancellationToken cancellationToken)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageOutages.Is(ex, cancellationToken))
        {
            LogStorageOutage(logger, job, ex);
            return [];
        }
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "{Job}: storage did not answer; skipped, the next run tries again.")]
    private static partial void LogStorageOutage(ILogger logger, string job, Exception exception);
}
