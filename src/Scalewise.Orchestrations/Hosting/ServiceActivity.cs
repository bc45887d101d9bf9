namespace Scalewise.Orchestrations.Hosting;

/// <summary>Runs one method of an activities class (resolved from the services) as a Durable Task activity outside the Functions host.</summary>
internal sealed class ServiceActivity<TService, TInput, TOutput>(
    TService activities,
    Func<TService, TInput, CancellationToken, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(activities, input, CancellationToken.None);
}
