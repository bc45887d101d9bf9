namespace Scalewise.Functions.Triggers;

/// <summary>The reactive tick: every minute by default (app setting <c>EvaluatePoliciesSchedule</c>).</summary>
public sealed class EvaluatePoliciesFunction(TimerJobs jobs)
{
    [Function(nameof(EvaluatePolicies))]
    public async Task EvaluatePolicies(
        [TimerTrigger("%EvaluatePoliciesSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await jobs.EvaluatePoliciesAsync(client, context.CancellationToken).ConfigureAwait(false);
    }
}
