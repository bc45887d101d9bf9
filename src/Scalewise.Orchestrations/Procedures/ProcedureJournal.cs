namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Keeps a procedure's history while it runs: each step's start, end and result, the custom status, and the
/// procedure record in Table Storage after every step. Lives inside the orchestrator, so it uses only the
/// context's clock and writes only through activities.
/// </summary>
internal sealed class ProcedureJournal
{
    private readonly List<ProcedureStep> steps = [];
    private readonly DateTimeOffset startedAt;
    private readonly DecisionKind kind;
    private readonly string reason;
    private readonly string requestedBy;

    private ProcedureJournal(TaskOrchestrationContext context, string policyId, string targetResourceId, DecisionKind kind, string reason, string requestedBy, ProcedureProgress progress)
    {
        Context = context;
        PolicyId = policyId;
        TargetResourceId = targetResourceId;
        this.kind = kind;
        this.reason = reason;
        this.requestedBy = requestedBy;
        Progress = progress;
        startedAt = Now();
    }

    public TaskOrchestrationContext Context { get; }

    public string PolicyId { get; }

    public string TargetResourceId { get; }

    public ProcedureProgress Progress { get; }

    /// <summary>When the procedure ended; set when its terminal outcome is recorded, so steps recorded after it (an emergency's report) keep it.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The terminal outcome last recorded; null while the procedure runs.</summary>
    public ProcedureOutcome? Outcome { get; private set; }

    /// <summary>The error recorded with <see cref="Outcome"/>.</summary>
    public string? Error { get; private set; }

    public IReadOnlyList<ProcedureStep> Steps => steps;

    public static ProcedureJournal For(TaskOrchestrationContext context, ScaleProcedureInput input) =>
        new(context, input.PolicyId, input.TargetResourceId, input.Kind, input.Reason, input.RequestedBy, ProcedureProgress.ForCapacity(input.ToCapacity));

    /// <summary>A SKU change's journal: its record keeps the SKU it moves to in front of the reason.</summary>
    public static ProcedureJournal For(TaskOrchestrationContext context, VerticalProcedureInput input) =>
        new(context, input.PolicyId, input.TargetResourceId, input.Kind, $"to {input.ToSku}: {input.Reason}", input.RequestedBy, ProcedureProgress.ForSku(input.ToSku));

    /// <summary>Shows <paramref name="step"/> in the custom status, with the progress's capacities unless others are given.</summary>
    public void Show(string step, string detail, int? fromCapacity = null, int? toCapacity = null) =>
        Context.SetCustomStatus(new ProcedureStatus(step, detail, fromCapacity ?? Progress.FromCapacity, toCapacity ?? Progress.ToCapacity));

    public async Task<T> RunStepAsync<T>(string name, Func<Task<T>> step, Func<T, string> describe)
    {
        Show(name, "running");
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
        Context.InstanceId,
        PolicyId,
        TargetResourceId,
        kind,
        Progress.FromCapacity,
        Progress.ToCapacity,
        reason,
        requestedBy,
        startedAt,
        outcome is null ? null : EndedAt ?? Now(),
        outcome,
        error,
        [.. steps])
    {
        FromSku = Progress.FromSku,
        ToSku = Progress.ToSku,
    };

    public Task SaveAsync(ProcedureOutcome? outcome, string? error)
    {
        if (outcome is not null)
        {
            Outcome = outcome;
            Error = error;
        }

        return Context.CallActivityAsync<bool>(nameof(ProcedureActivities.RecordProcedure), ToRecord(outcome, error), ProcedureSteps.StorageRetry);
    }

    public DateTimeOffset Now() => new(Context.CurrentUtcDateTime, TimeSpan.Zero);
}
