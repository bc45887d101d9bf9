using Microsoft.DurableTask;

namespace Scalewise.Orchestrations.Activities;

/// <summary>Runs one method of <see cref="VerticalActivities"/> as a Durable Task activity outside the Functions host.</summary>
internal sealed class VerticalActivity<TInput, TOutput>(
    VerticalActivities activities,
    Func<VerticalActivities, TInput, CancellationToken, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(activities, input, CancellationToken.None);
}
