using Scalewise.Core.Reports;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;
using static Scalewise.Orchestrations.Procedures.ProcedureSteps;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Answers an emergency on a scale set: guard → snapshot → apply the decision's capacity (sized to the projected demand) →
/// wait for provisioning on a short poll → verify with several quick checks → notify → record, rolling back when
/// provisioning or verification fails; never waits for approval, and verification replaces the full warm-up wait. It ends in
/// the same terminal states and history records as <see cref="ScaleProcedure"/>. Then it watches the aftermath until the
/// emergency is over (<see cref="EmergencyAftermath"/>) or the observation period ends, and writes and notifies the
/// post-event <see cref="CapacityReport"/>. The procedure's outcome is recorded before the aftermath, so nothing there can
/// change it.
/// </summary>
public static class EmergencyScaleUp
{
    public static async Task<EmergencyScaleUpResult> RunAsync(TaskOrchestrationContext context, EmergencyScaleUpInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var procedure = input.Procedure;
        var journal = ProcedureJournal.For(context, procedure);
        if (await ScaleProcedure.GuardCapacityAsync(journal, procedure) is { } refused)
        {
            return new EmergencyScaleUpResult(refused.ToCapacityResult(), null);
        }

        var expected = new CapacityChange(procedure.TargetResourceId, procedure.ToCapacity);
        var changed = await ScaleProcedure.ChangeCapacityAsync(journal, procedure, warmUp: null, () => VerifyAsync(journal, nameof(ProcedureActivities.VerifyTarget), expected, Math.Max(1, input.VerifyChecks), input.VerifyInterval));
        var result = changed.ToCapacityResult();
        return new EmergencyScaleUpResult(result, await ReportAsync(context, journal, input, result));
    }

    /// <summary>
    /// Watches the aftermath, then writes and notifies the capacity report; both are added to the procedure's history, which
    /// keeps its outcome. A failure here is recorded and leaves the report null; it never fails the procedure.
    /// </summary>
    private static async Task<CapacityReport?> ReportAsync(TaskOrchestrationContext context, ProcedureJournal journal, EmergencyScaleUpInput input, ScaleProcedureResult result)
    {
        var procedure = input.Procedure;
        var observeStarted = journal.Now();
        try
        {
            var reading = await ObserveAsync(journal, input, result);
            journal.AddStep(Observe, observeStarted, reading.Over
                ? $"over: {reading.Detail}"
                : $"still not over after {input.ObservationPeriod.TotalMinutes:0.#} min, reporting now: {reading.Detail}");
        }
        catch (TaskFailedException ex)
        {
            journal.AddStep(Observe, observeStarted, $"failed, reporting now: {ex.FailureDetails.ErrorMessage}");
        }

        var reportStarted = journal.Now();
        CapacityReport? report = null;
        try
        {
            journal.Show(Report, "writing the capacity report", toCapacity: result.FinalCapacity);
            var readyAt = result.Outcome == ProcedureOutcome.Succeeded ? result.Steps.LastOrDefault(s => s.Name == Verify)?.EndedAt : null;
            var request = new CapacityReportRequest(
                procedure.PolicyId,
                procedure.TargetResourceId,
                context.InstanceId,
                input.DecidedAt,
                procedure.Reason,
                result.Outcome,
                result.FromCapacity,
                result.ToCapacity,
                readyAt is { } ready ? journal.Now() - ready : null);
            report = await context.CallActivityAsync<CapacityReport>(nameof(EmergencyActivities.WriteCapacityReport), request, StorageRetry);
            var notified = await context.CallActivityAsync<NotificationOutcome>(
                nameof(EmergencyActivities.NotifyCapacityReport),
                new CapacityReportNotice(journal.ToRecord(journal.Outcome, journal.Error), report));
            journal.AddStep(Report, reportStarted, $"{report.Summary} Notification: {notified.Detail}.");
        }
        catch (TaskFailedException ex)
        {
            journal.AddStep(Report, reportStarted, $"failed: {ex.FailureDetails.ErrorMessage}");
        }

        await journal.SaveAsync(journal.Outcome, journal.Error);
        journal.Show(result.Outcome.ToString(), report?.Summary ?? result.Summary, toCapacity: result.FinalCapacity);
        return report;
    }

    /// <summary>Looks at the aftermath every <see cref="EmergencyScaleUpInput.ObservationInterval"/> until it is over; bounded by the observation period.</summary>
    private static Task<AftermathReading> ObserveAsync(ProcedureJournal journal, EmergencyScaleUpInput input, ScaleProcedureResult result) =>
        PollAsync<AftermathReading>(journal, Observe, nameof(EmergencyActivities.ObserveEmergency), input.Procedure.PolicyId, input.ObservationInterval, input.ObservationPeriod, r => r.Over, r => r.Detail, toCapacity: result.FinalCapacity);
}
