using Microsoft.DurableTask;
using Scalewise.Orchestrations.Activities;

namespace Scalewise.Orchestrations.Hosting;

/// <summary>Runs one method of <see cref="ProcedureActivities"/> as a Durable Task activity outside the Functions host.</summary>
internal sealed class ServiceActivity<TInput, TOutput>(
    ProcedureActivities activities,
    Func<ProcedureActivities, TInput, CancellationToken, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(activities, input, CancellationToken.None);
}
