using System.Globalization;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// <c>GET /api/targets/{target}/timeline?from=&amp;to=</c>: what the dashboard charts for one target, read from the decision
/// log, the procedure history, the target's state and the stored forecast only, so a page that refreshes every few seconds
/// never calls Azure. <c>from</c> and <c>to</c> are ISO 8601 times; <c>to</c> defaults to now and <c>from</c> to a day
/// before <c>to</c>; the span is at most <see cref="MaximumSpan"/>.
/// </summary>
public sealed class TargetTimelineQuery(
    IPolicyStore policies,
    ITargetStateStore states,
    IDecisionLog decisions,
    IProcedureHistory procedures,
    IForecastStore forecasts,
    TimeProvider time)
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(1);

    public static readonly TimeSpan MaximumSpan = TimeSpan.FromDays(31);

    /// <summary>The most decisions and procedures read per request (newest first), whatever the span.</summary>
    public const int ReadLimit = 500;

    public async Task<ApiResponse> GetAsync(string target, string? from, string? to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var end = now;
        if (to is not null && !TryParse(to, out end))
        {
            return ApiResponse.Problem(ApiProblem.Validation("to", $"to '{to}' is not an ISO 8601 time such as 2026-12-03T14:00:00Z."));
        }

        var start = end - DefaultSpan;
        if (from is not null && !TryParse(from, out start))
        {
            return ApiResponse.Problem(ApiProblem.Validation("from", $"from '{from}' is not an ISO 8601 time such as 2026-12-03T14:00:00Z."));
        }

        if (start >= end || end - start > MaximumSpan)
        {
            return ApiResponse.Problem(ApiProblem.Validation("from", $"from must be before to and at most {MaximumSpan.TotalDays:0} days before it; got {start:O} to {end:O}."));
        }

        var stored = RouteIds.IsPolicyId(target) ? await policies.GetAsync(target, cancellationToken).ConfigureAwait(false) : null;
        if (stored is null)
        {
            return ApiResponse.Problem(ApiProblem.NotFound("target", $"No policy names the target '{target}'."));
        }

        var policy = stored.Policy;
        var madeDecisions = (await decisions.ListAsync(target, ReadLimit, cancellationToken).ConfigureAwait(false))
            .Where(d => d.DecidedAt >= start && d.DecidedAt <= end).OrderBy(d => d.DecidedAt).ToList();
        var ranProcedures = (await procedures.ListAsync(target, ReadLimit, cancellationToken).ConfigureAwait(false))
            .Where(p => p.StartedAt <= end && (p.EndedAt ?? end) >= start).OrderBy(p => p.StartedAt).ToList();
        var state = (await states.GetAsync(target, cancellationToken).ConfigureAwait(false)).State;
        var forecast = await forecasts.GetAsync(target, cancellationToken).ConfigureAwait(false);
        bool Within(DateTimeOffset at) => at >= start && at <= end;

        return ApiResponse.Json(200, new TargetTimeline(
            target,
            policy.Target.Kind,
            start,
            end,
            policy.Capacity.Minimum,
            policy.Capacity.Maximum,
            Capacity(madeDecisions, ranProcedures, state, end, now, Within),
            [.. madeDecisions.SelectMany(d => d.Evaluations.Select(e => new TimelineMetricReading(d.DecidedAt, e.RuleName, e.MetricName, e.Direction, e.Observed, e.Operator, e.Threshold, e.Fired)))],
            [.. (forecast?.Points ?? []).Where(p => Within(p.Hour)).Select(p => new TimelineDemandPoint(p.Hour, p.Demand))],
            [.. (forecast?.Observed ?? []).Where(p => Within(p.Hour)).Select(p => new TimelineDemandPoint(p.Hour, p.Demand))],
            [.. madeDecisions.Select(Marker).Concat(ranProcedures.Select(Marker)).OrderBy(m => m.At)]));
    }

    /// <summary>
    /// Capacity (or SKU) as each record saw it: a decision's capacity when it was made, a procedure's starting capacity when it
    /// started and its target when it succeeded, and the last known capacity now.
    /// </summary>
    private static List<TimelineCapacityPoint> Capacity(
        IEnumerable<ScalingDecision> madeDecisions, IEnumerable<ProcedureRecord> ranProcedures, TargetState state, DateTimeOffset end, DateTimeOffset now, Func<DateTimeOffset, bool> within)
    {
        var points = madeDecisions.Select(d => new TimelineCapacityPoint(d.DecidedAt, d.CurrentCapacity, d.CurrentSku)).ToList();
        foreach (var procedure in ranProcedures)
        {
            points.Add(new TimelineCapacityPoint(procedure.StartedAt, procedure.FromCapacity, procedure.FromSku));
            if (procedure is { Outcome: ProcedureOutcome.Succeeded, EndedAt: { } ended })
            {
                points.Add(new TimelineCapacityPoint(ended, procedure.ToCapacity, procedure.ToSku ?? procedure.FromSku));
            }
        }

        if (state.LastKnownCapacity is { } capacity && end >= now)
        {
            points.Add(new TimelineCapacityPoint(now, capacity, state.CurrentSku));
        }

        return [.. points.Where(p => within(p.At)).OrderBy(p => p.At)];
    }

    private static TimelineMarker Marker(ScalingDecision decision) =>
        new(decision.DecidedAt, "decision", decision.Kind, decision.Outcome.ToString(), decision.Reason);

    private static TimelineMarker Marker(ProcedureRecord procedure) =>
        new(
            procedure.StartedAt,
            "procedure",
            procedure.Kind,
            procedure.Outcome?.ToString() ?? "Running",
            procedure.FromSku is not null || procedure.ToSku is not null
                ? $"{procedure.FromSku} -> {procedure.ToSku}: {procedure.Reason}"
                : string.Create(CultureInfo.InvariantCulture, $"{procedure.FromCapacity} -> {procedure.ToCapacity}: {procedure.Reason}"),
            procedure.InstanceId,
            procedure.EndedAt);

    private static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
