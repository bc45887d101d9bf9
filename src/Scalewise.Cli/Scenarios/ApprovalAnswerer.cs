using System.Net.Http.Json;
using Scalewise.Core.Procedures;

namespace Scalewise.Cli.Scenarios;

/// <summary>The person in the <c>approval</c> scenario: approves each procedure that waits for approval, over the HTTP API.</summary>
public sealed class ApprovalAnswerer
{
    private readonly HashSet<DateTimeOffset> answered = [];

    public async Task AnswerAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var instanceId = ProcedureIds.ForTarget(run.Policy.Id);
        var instance = await run.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null || !instance.IsRunning || answered.Contains(instance.CreatedAt)
            || instance.SerializedCustomStatus?.Contains("waiting for approval", StringComparison.Ordinal) != true)
        {
            return;
        }

        using var response = await run.Api.PostAsJsonAsync(
            new Uri($"/api/procedures/{instanceId}/approve", UriKind.Relative),
            new { by = "operator@scalewise.local", comment = "approved by the approval scenario" },
            cancellationToken).ConfigureAwait(false);
        answered.Add(instance.CreatedAt);
        run.Console.MarkupLineInterpolated($"   [aqua]{instanceId}[/] POST /api/procedures/{instanceId}/approve → {(int)response.StatusCode}");
    }
}
