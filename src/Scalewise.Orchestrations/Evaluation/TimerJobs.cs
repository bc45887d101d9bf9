using Microsoft.DurableTask.Client;
using Scalewise.Core.Forecasting;
using Scalewise.Orchestrations.Telemetry;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// The timer jobs, one method per timer: the Functions app's timer triggers call them on their NCRONTAB schedules, and the
/// local runner calls the same methods on its compressed clock. A host decides only when a job runs, never what it does.
/// </summary>
public sealed class TimerJobs(PolicyEvaluation evaluation, ScheduleApplication schedules, DemandForecastRun forecasts)
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
        return await evaluation.EvaluateAllAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts procedures where a schedule window began or ended since the previous tick.</summary>
    public async Task<IReadOnlyList<ScalingDecision>> ApplySchedulesAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var span = ScalewiseTelemetry.StartTick("ApplySchedules");
        return await schedules.ApplyAllAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The short tick: acts only on emergencies of the policies that can have one (<see cref="MayHaveEmergency"/>).</summary>
    public async Task<IReadOnlyList<ScalingDecision>> CheckEmergenciesAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var span = ScalewiseTelemetry.StartTick("CheckEmergencies");
        return await evaluation.CheckEmergenciesAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forecasts the next hours of every predictive policy's demand and stores the forecasts.</summary>
    public async Task<IReadOnlyList<DemandForecast>> ForecastDemandAsync(CancellationToken cancellationToken)
    {
        using var span = ScalewiseTelemetry.StartTick("ForecastDemand");
        return await forecasts.ForecastAllAsync(cancellationToken).ConfigureAwait(false);
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
}
