namespace Scalewise.Functions.Triggers;

/// <summary>Starts procedures when schedule windows begin and end: every minute by default (app setting <c>ApplySchedulesSchedule</c>).</summary>
public sealed class ApplySchedulesFunction(TimerJobs jobs)
{
    [Function(nameof(ApplySchedules))]
    public async Task ApplySchedules(
        [TimerTrigger("%ApplySchedulesSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await jobs.ApplySchedulesAsync(client, context.CancellationToken).ConfigureAwait(false);
    }
}
