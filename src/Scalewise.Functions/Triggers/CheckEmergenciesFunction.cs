namespace Scalewise.Functions.Triggers;

/// <summary>
/// The short emergency tick: every 15 seconds by default (app setting <c>CheckEmergenciesSchedule</c>). It runs the same
/// evaluation as EvaluatePolicies, which checks emergencies first; set it to the minute schedule to turn the short tick off.
/// </summary>
public sealed class CheckEmergenciesFunction(TimerJobs jobs)
{
    [Function(nameof(CheckEmergencies))]
    public async Task CheckEmergencies(
        [TimerTrigger("%CheckEmergenciesSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await jobs.CheckEmergenciesAsync(client, context.CancellationToken).ConfigureAwait(false);
    }
}
