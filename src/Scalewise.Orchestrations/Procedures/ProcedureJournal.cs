using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Activities;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Keeps a procedure's history while it runs: each step's start, end and result, the custom status, and the
/// procedure record in Table Storage after every step. Lives inside the orchestrator, so it uses only the
/// context's clock and writes only through activities.
/// </summary>
internal sealed class ProcedureJournal(TaskOrchestrationContext context, ScaleProcedureInput input)
{
    private readonly List<ProcedureStep> steps = [];
    private readonly DateTimeOffset startedAt = new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public int FromCapacity { get; set; }

    /// <summary>The SKU a vertical procedure starts from, once its guard has read it.</summary>
    public string? FromSku { get; set; }

    /// <summary>The SKU a vertical procedure sets out to reach.</summary>
    public string? ToSku { get; init; }

    /// <summary>When the procedure ended; set when its terminal outcome is recorded, so steps recorded after it (an emergency's report) keep it.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The terminal outcome last recorded; null while the procedure runs.</summary>
    public ProcedureOutcome? Outcome { get; private set; }

    /// <summary>The error recorded with <see cref="Outcome"/>.</summary>
    public string? Error { get; private set; }

    public IReadOnlyList<ProcedureStep> Steps => steps;

    public async Task<T> RunStepAsync<T>(string name, Func<Task<T>> step, Func<T, string> describe)
    {
        context.SetCustomStatus(new ProcedureStatus(name, "running", FromCapacity, input.ToCapacity));
        var started = Now();
        try
        {
            var result = await step();
            steps.Add(new ProcedureStep(name, started, Now(), describe(result)));
            await SaveAsync(outcome: null, error: null);
            return result;
        }
        catch (TaskFailedException ex)
        {
            steps.Add(new ProcedureStep(name, started, Now(), $"failed: {ex.FailureDetails.ErrorMessage}"));
            await SaveAsync(outcome: null, error: null);
            throw;
        }
    }

    public Task RunStepAsync(string name, Func<Task> step, string result) =>
        RunStepAsync(
            name,
            async () =>
            {
                await step();
                return true;
            },
            _ => result);

    /// <summary>Adds a step that happened without an activity (for example a notification outcome already known).</summary>
    public void AddStep(string name, DateTimeOffset started, string result) => steps.Add(new ProcedureStep(name, started, Now(), result));

    public ProcedureRecord ToRecord(ProcedureOutcome? outcome, string? error) => new(
        context.InstanceId,
        input.PolicyId,
        input.TargetResourceId,
        input.Kind,
        FromCapacity,
        input.ToCapacity,
        input.Reason,
        input.RequestedBy,
        startedAt,
        outcome is null ? null : EndedAt ?? Now(),
        outcome,
        error,
        [.. steps])
    {
        FromSku = FromSku,
        ToSku = ToSku,
    };

    public Task SaveAsync(ProcedureOutcome? outcome, string? error)
    {
        if (outcome is not null)
        {
            Outcome = outcome;
            Error = error;
        }

        return context.CallActivityAsync<bool>(nameof(ProcedureActivities.RecordProcedure), ToRecord(outcome, error), ScaleProcedure.StorageRetry);
    }

    public DateTimeOffset Now() => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
