namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// The approval step every procedure shares: opens an approval and polls it until <c>POST /api/procedures/{id}/approve</c>
/// or <c>/reject</c> answers; null when no answer came by the deadline. The answer is stored, not raised as an event:
/// it keeps who answered with the procedure, and it works on every Durable backend (the in-process host loses events
/// raised while a timer is pending).
/// </summary>
internal static class ApprovalWait
{
    public static async Task<ApprovalAnswer?> WaitAsync(TaskOrchestrationContext context, ApprovalRequest request, ProcedureStatus status, TimeSpan pollInterval)
    {
        await context.CallActivityAsync<bool>(nameof(ProcedureActivities.OpenApproval), request, ProcedureSteps.StorageRetry);
        context.SetCustomStatus(status);

        var polls = (int)Math.Ceiling((request.Deadline - request.OpenedAt) / pollInterval);
        for (var poll = 0; poll < polls; poll++)
        {
            var remaining = request.Deadline - new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
            await context.CreateTimer(remaining < pollInterval ? remaining : pollInterval, CancellationToken.None);
            if (await context.CallActivityAsync<ApprovalAnswer?>(nameof(ProcedureActivities.ReadApproval), context.InstanceId, ProcedureSteps.StorageRetry) is { } answer)
            {
                return answer;
            }
        }

        return null;
    }
}
