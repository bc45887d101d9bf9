namespace Scalewise.Functions.Triggers;

/// <summary>Forecasts the next 48 hours of every predictive policy's demand: hourly by default (app setting <c>ForecastDemandSchedule</c>).</summary>
public sealed class ForecastDemandFunction(TimerJobs jobs)
{
    [Function(nameof(ForecastDemand))]
    public async Task ForecastDemand(
        [TimerTrigger("%ForecastDemandSchedule%")] TimerInfo timer,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await jobs.ForecastDemandAsync(context.CancellationToken).ConfigureAwait(false);
    }
}
