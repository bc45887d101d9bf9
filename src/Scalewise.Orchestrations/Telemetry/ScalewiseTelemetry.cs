using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scalewise.Orchestrations.Telemetry;

/// <summary>
/// Scalewise's own spans and metrics (OpenTelemetry through <see cref="System.Diagnostics"/>): the tick and each target's
/// evaluation as spans with the decision on them; each procedure and its steps as spans when the procedure ends (written
/// from its history record, so the orchestrator stays deterministic); counters and gauges for decisions, procedures,
/// capacities and metric reads. The names are documented in docs/observability.md; the hosts export them with
/// <see cref="ScalewiseOpenTelemetry.AddScalewiseOpenTelemetry"/>.
/// </summary>
public static class ScalewiseTelemetry
{
    /// <summary>The name of Scalewise's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string Name = "Scalewise";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("scalewise.decisions", "{decision}", "Decisions recorded, by kind, outcome and direction.");

    private static readonly Counter<long> Procedures = Meter.CreateCounter<long>("scalewise.procedures", "{procedure}", "Procedures ended, by outcome and kind.");

    private static readonly Histogram<double> ProcedureDuration = Meter.CreateHistogram<double>("scalewise.procedure.duration", "s", "How long procedures took from start to end.");

    private static readonly Gauge<int> Capacity = Meter.CreateGauge<int>("scalewise.target.capacity", "{instance}", "The capacity a target had when it was evaluated (1 for a VM or cache).");

    private static readonly Gauge<int> DesiredCapacity = Meter.CreateGauge<int>("scalewise.target.desired_capacity", "{instance}", "The capacity the decision wants for the target.");

    private static readonly Histogram<double> MetricReadDuration = Meter.CreateHistogram<double>("scalewise.metric_read.duration", "s", "How long one target's metric read took.");

    private static readonly Counter<long> MetricReadFailures = Meter.CreateCounter<long>("scalewise.metric_read.failures", "{read}", "Metric reads that failed or returned no data.");

    /// <summary>A span over one timer job (<c>scalewise.tick</c>); null when nobody listens.</summary>
    public static Activity? StartTick(string job) =>
        Source.StartActivity("scalewise.tick", ActivityKind.Internal, default(ActivityContext), [KeyValuePair.Create<string, object?>("scalewise.job", job)]);

    /// <summary>A span over one target's evaluation (<c>scalewise.evaluate</c>).</summary>
    public static Activity? StartEvaluation(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var span = Source.StartActivity("scalewise.evaluate");
        span?.SetTag("scalewise.policy", policy.Id)
            .SetTag("scalewise.target.kind", policy.Target.Kind.ToString())
            .SetTag("scalewise.target.id", policy.Target.ResourceId);
        return span;
    }

    /// <summary>Puts the decision on the evaluation span and counts it; the capacities go to the gauges.</summary>
    public static void Decided(Activity? span, ScalingPolicy policy, ScalingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        span?.SetTag("scalewise.decision.kind", decision.Kind.ToString())
            .SetTag("scalewise.decision.outcome", decision.Outcome.ToString())
            .SetTag("scalewise.capacity", decision.CurrentCapacity)
            .SetTag("scalewise.capacity.new", decision.NewCapacity)
            .SetTag("scalewise.sku", decision.CurrentSku)
            .SetTag("scalewise.sku.new", decision.NewSku)
            .SetTag("scalewise.decision.reason", decision.Reason);
        var tags = new TagList
        {
            { "scalewise.policy", policy.Id },
            { "scalewise.target.kind", policy.Target.Kind.ToString() },
        };
        Capacity.Record(decision.CurrentCapacity, tags);
        DesiredCapacity.Record(decision.NewCapacity, tags);
        tags.Add("scalewise.decision.kind", decision.Kind.ToString());
        tags.Add("scalewise.decision.outcome", decision.Outcome.ToString());
        tags.Add("scalewise.decision.direction", decision.Direction.ToString());
        Decisions.Add(1, tags);
    }

    /// <summary>Records one target's metric read: how long it took and whether it gave data.</summary>
    public static void MetricsRead(ScalingPolicy policy, TimeSpan elapsed, MetricReadResult result)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var tags = new TagList
        {
            { "scalewise.policy", policy.Id },
            { "scalewise.target.kind", policy.Target.Kind.ToString() },
            { "scalewise.metric_read.result", result.ToString() },
        };
        MetricReadDuration.Record(elapsed.TotalSeconds, tags);
        if (result != MetricReadResult.Data)
        {
            MetricReadFailures.Add(1, tags);
        }
    }

    /// <summary>
    /// When <paramref name="procedure"/> has ended: a <c>scalewise.procedure</c> span from its start to its end with a child
    /// span per step at the times history recorded, its outcome counted and its duration measured. Nothing while it runs.
    /// </summary>
    public static void ProcedureRecorded(ProcedureRecord procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        if (procedure is not { Outcome: { } outcome, EndedAt: { } endedAt })
        {
            return;
        }

        var tags = new TagList
        {
            { "scalewise.policy", procedure.PolicyId },
            { "scalewise.procedure.kind", procedure.Kind.ToString() },
            { "scalewise.procedure.outcome", outcome.ToString() },
        };
        Procedures.Add(1, tags);
        ProcedureDuration.Record((endedAt - procedure.StartedAt).TotalSeconds, tags);
        using var span = Source.StartActivity("scalewise.procedure", ActivityKind.Internal, default(ActivityContext), startTime: procedure.StartedAt);
        if (span is null)
        {
            return;
        }

        span.SetTag("scalewise.policy", procedure.PolicyId)
            .SetTag("scalewise.procedure.instance", procedure.InstanceId)
            .SetTag("scalewise.procedure.kind", procedure.Kind.ToString())
            .SetTag("scalewise.procedure.outcome", outcome.ToString())
            .SetTag("scalewise.capacity", procedure.FromCapacity)
            .SetTag("scalewise.capacity.new", procedure.ToCapacity)
            .SetTag("scalewise.sku", procedure.FromSku)
            .SetTag("scalewise.sku.new", procedure.ToSku)
            .SetTag("scalewise.procedure.requested_by", procedure.RequestedBy);
        if (procedure.Error is { } error)
        {
            span.SetStatus(ActivityStatusCode.Error, error);
        }

        foreach (var step in procedure.Steps)
        {
            using var child = Source.StartActivity("scalewise.procedure.step", ActivityKind.Internal, span.Context, startTime: step.StartedAt);
            child?.SetTag("scalewise.step", step.Name).SetTag("scalewise.step.result", step.Result);
            child?.SetEndTime(step.EndedAt.UtcDateTime);
        }

        span.SetEndTime(endedAt.UtcDateTime);
    }
}
