using System.Globalization;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;

namespace Scalewise.Core.Simulation;

/// <summary>
/// A Scalewise policy as the Functions app runs it, tick by tick: no evaluation while the target's procedure runs,
/// otherwise <see cref="ScalingEngine.Decide"/> over metric windows built from what the simulated target reported,
/// a procedure for every decision that asks for a change (provisioning, then the policy's warm-up), and the cooldown
/// clock recorded in <see cref="TargetState"/> when the procedure ends, as ScaleProcedure's record step does.
/// </summary>
/// <remarks>
/// Extension points for issue 5: a forecast the engine reads is computed here from <see cref="ReplayTick.History"/>
/// (the past only) and returned in <see cref="CapacityRequest.ForecastRequests"/>, which the reports chart; an emergency
/// decision supersedes a running procedure, so it is the one kind that skips the "procedure running" gate below.
/// </remarks>
public sealed class PolicyStrategy : ScalingStrategy
{
    public const string DefaultName = "scalewise";

    private readonly ScalingPolicy policy;
    private readonly WindowSource[] sources;
    private readonly Dictionary<DecisionOutcome, int> outcomes = [];
    private TargetState state;
    private int? procedureEndsAt;
    private ScaleDirection procedureDirection;
    private int procedureCapacity;

    /// <remarks>Alerts never change capacity, so their metrics are not simulated.</remarks>
    /// <exception cref="ArgumentException">A rule reads a metric the simulated target does not produce.</exception>
    public PolicyStrategy(ScalingPolicy policy, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(policy);
        this.policy = policy;
        Name = name;
        state = TargetState.Empty(policy.Id);
        if (policy.IsVertical)
        {
            throw new ArgumentException("the policy steps along a SKU ladder; the backtest simulates instance counts only, so use a policy that changes the instance count.", nameof(policy));
        }

        sources = policy.Rules
            .Where(rule => rule.Trigger.Formula is null)
            .Select(rule => rule.Trigger.ToRequest(policy.Target.ResourceId))
            .Concat((policy.TargetTracking ?? []).Select(rule => rule.ToRequest(policy.Target.ResourceId)))
            .Concat(policy.Rules
                .Where(rule => rule.Trigger.Formula is not null)
                .SelectMany(rule => Formulas.MetricFormula.For(rule.Trigger.Formula!).Names)
                .Select(name => NamedMetric.Find(policy.Metrics, name))
                .OfType<NamedMetric>()
                .Select(metric => metric.ToRequest(policy.Target.ResourceId)))
            .Distinct()
            .Select(request => SimulatedMetricNames.TryResolve(request.MetricName, out var metric)
                ? new WindowSource(request, metric)
                : throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the policy reads metric '{request.MetricName}', which the simulated target does not produce; use one of {string.Join(", ", SimulatedMetricNames.All.Select(n => $"'{n}'"))}."),
                    nameof(policy)))
            .ToArray();
    }

    public override string Name { get; }

    /// <summary>How many ticks ended in each outcome; ticks skipped while a procedure ran are not decisions and are not counted.</summary>
    public IReadOnlyDictionary<DecisionOutcome, int> Outcomes => outcomes;

    /// <summary>The decision of the last evaluated tick, with its reason.</summary>
    public ScalingDecision? LastDecision { get; private set; }

    public override CapacityRequest Decide(ReplayTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var now = tick.Minute + 1;
        if (procedureEndsAt is { } endsAt)
        {
            if (now < endsAt)
            {
                return new CapacityRequest(tick.CurrentCapacity);
            }

            var recordedAt = tick.Start.AddMinutes(endsAt);
            state = procedureDirection == ScaleDirection.Increase
                ? state with { LastScaleOutAt = recordedAt, LastKnownCapacity = procedureCapacity }
                : state with { LastScaleInAt = recordedAt, LastKnownCapacity = procedureCapacity };
            procedureEndsAt = null;
        }

        var windows = new MetricWindow[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            windows[i] = sources[i].Read(tick);
        }

        // What the tick's caller tells the engine: instances not serving yet, recent recommendations (scale-in
        // stabilization) and how many ticks in a row had no metrics.
        var stabilization = policy.ScaleInStabilization ?? TimeSpan.Zero;
        state = state with
        {
            WarmingInstances = tick.CurrentCapacity - tick.ReadyCapacity,
            RecentRecommendations = [.. state.RecentRecommendations.Where(r => r.At > tick.Now - stabilization)],
        };
        var decision = ScalingEngine.Decide(policy, windows, state, tick.CurrentCapacity, tick.Now);
        LastDecision = decision;
        state = state with
        {
            ConsecutiveMetricFailures = decision.Outcome == DecisionOutcome.NoData ? state.ConsecutiveMetricFailures + 1 : 0,
            RecentRecommendations = decision.RecommendedCapacity is { } recommended && stabilization > TimeSpan.Zero
                ? [.. state.RecentRecommendations, new CapacityRecommendation(tick.Now, recommended)]
                : state.RecentRecommendations,
        };
        outcomes[decision.Outcome] = outcomes.GetValueOrDefault(decision.Outcome) + 1;
        if (!decision.RequiresAction || policy.Mode != PolicyMode.Active)
        {
            return new CapacityRequest(tick.CurrentCapacity);
        }

        // ScaleProcedure: apply, wait for provisioning (scale-in: removal is taken as immediate), warm up, record.
        var increase = decision.NewCapacity > tick.CurrentCapacity;
        procedureDirection = increase ? ScaleDirection.Increase : ScaleDirection.Decrease;
        procedureCapacity = decision.NewCapacity;
        procedureEndsAt = now + (increase ? TargetModel.Minutes(tick.Model.ProvisioningDelay) : 0) + TargetModel.Minutes(policy.WarmUp);
        return new CapacityRequest(decision.NewCapacity);
    }

    /// <summary>Turns the target's per-minute history into the window Azure Monitor would return for one request.</summary>
    private sealed class WindowSource(MetricRequest request, SimulatedMetric metric)
    {
        private readonly int grain = Math.Max(1, TargetModel.Minutes(request.TimeGrain));
        private readonly int count = Math.Max(1, (int)Math.Ceiling((request.Window.TotalMinutes / Math.Max(1, TargetModel.Minutes(request.TimeGrain))) - 1e-9));

        // A minute's value never changes once reported, so one-minute points are made once and shared by every window.
        private MetricPoint[]? minutePoints;

        public MetricWindow Read(ReplayTick tick)
        {
            var history = tick.History(metric);
            var end = tick.Minute + 1;
            var first = Math.Max(0, count - (end / grain) - (end % grain == 0 ? 0 : 1));
            var points = new MetricPoint[count - first];
            if (grain == 1)
            {
                minutePoints ??= new MetricPoint[tick.Length];
                for (var k = first; k < count; k++)
                {
                    var minute = end - count + k;
                    points[k - first] = minutePoints[minute] ??= new MetricPoint(tick.Start.AddMinutes(minute), Aggregate(history, minute, minute + 1));
                }

                return new MetricWindow(request, points);
            }

            for (var k = first; k < count; k++)
            {
                var from = end - ((count - k) * grain);
                points[k - first] = new MetricPoint(tick.Start.AddMinutes(from), Aggregate(history, Math.Max(0, from), from + grain));
            }

            return new MetricWindow(request, points);
        }

        private double? Aggregate(ReadOnlySpan<double> history, int from, int to)
        {
            if (grain == 1)
            {
                var single = history[from];
                return double.IsNaN(single) ? null : request.Aggregation == TimeAggregation.Count ? 1 : single;
            }

            double sum = 0, min = double.MaxValue, max = double.MinValue, last = 0;
            var n = 0;
            for (var m = from; m < to; m++)
            {
                var value = history[m];
                if (double.IsNaN(value))
                {
                    continue;
                }

                n++;
                sum += value;
                min = Math.Min(min, value);
                max = Math.Max(max, value);
                last = value;
            }

            if (n == 0)
            {
                return null;
            }

            return request.Aggregation switch
            {
                TimeAggregation.Average => sum / n,
                TimeAggregation.Minimum => min,
                TimeAggregation.Maximum => max,
                TimeAggregation.Total => sum,
                TimeAggregation.Count => n,
                _ => last,
            };
        }
    }
}
