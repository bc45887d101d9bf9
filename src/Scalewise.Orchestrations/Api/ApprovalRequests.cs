using Microsoft.DurableTask.Client;

namespace Scalewise.Orchestrations.Api;

/// <summary>Handles <c>POST /api/procedures/{id}/approve</c> and <c>/reject</c>: records a person's answer for the waiting procedure.</summary>
/// <remarks>
/// The approval's deadline is on the orchestration's clock, which is the wall clock on every Durable host; the local
/// runner's compressed scenario clock must not be used for it, so this compares with the system clock.
/// </remarks>
public sealed class ApprovalRequests(IApprovalStore approvals)
{
    private static readonly TimeProvider OrchestrationClock = TimeProvider.System;

    /// <summary>Null when the answer was recorded; otherwise the problem to show the caller.</summary>
    public async Task<ApiProblem?> AnswerAsync(DurableTaskClient client, string instanceId, bool approved, string? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var command = ApprovalCommand.Parse(body, out var problem);
        if (command is null)
        {
            return problem;
        }

        if (!RouteIds.IsInstanceId(instanceId))
        {
            return ApiProblem.NotFound("instanceId", $"No procedure has the instance id '{instanceId}'.");
        }

        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return ApiProblem.NotFound("instanceId", $"No procedure has the instance id '{instanceId}'.");
        }

        var answer = new ApprovalAnswer(approved, command.By, command.Comment);
        if (!instance.IsRunning || !await approvals.AnswerAsync(instanceId, answer, OrchestrationClock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return new ApiProblem("urn:scalewise:problem:not-waiting", "The procedure is not waiting for approval.", 409, $"Procedure '{instanceId}' is {instance.RuntimeStatus} and has no open approval (it was never asked, is already answered, or its time ran out).", "instanceId");
        }

        return null;
    }
}
