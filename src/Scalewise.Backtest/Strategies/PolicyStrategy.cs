using System.Globalization;
using System.Runtime.InteropServices;
using Scalewise.Core.Decisions;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Formulas;

namespace Scalewise.Backtest.Strategies;

/// <summary>
/// A Scalewise policy as the Functions app runs it, tick by tick, through <see cref="ScalingTick.Decide"/>: the schedule
/// window in force on the virtual clock sets the bounds, an emergency (critical tier, growth of the emergency metric) is
/// checked first, and the forecast ForecastDemand would have stored (re-made every virtual hour from the past only, see
/// <see cref="ReplayForecaster"/>) adds the predictive capacity. Metric windows are built from what the simulated target
/// reported. A decision that asks for a change runs a procedure (provisioning, then the policy's warm-up) and the cooldown
/// clock is recorded in <see cref="TargetState"/> when it ends, as ScaleProcedure's record step does. While a procedure
/// runs only an emergency is acted on, and it supersedes the running procedure unless that is an emergency one.
/// </summary>
public sealed class PolicyStrategy : ScalingStrategy
{
    public const string DefaultName = "scalewise";

    private readonly ScalingPolicy policy;
    private readonly WindowSource[] sources;

    // Reused every tick (the engine reads them within the tick): one window per source, and the one-minute points of
    // each metric, made once per minute and shared by every window that reads them.
    private readonly MetricWindow[] windows;
    private readonly MinutePoints?[] minutePoints = new MinutePoints?[2 * Enum.GetValues<SimulatedMetric>().Length];
    private readonly SimulatedMetric? forecastMetric;
    private readonly bool mayHaveEmergency;
    private readonly Dictionary<DecisionOutcome, int> outcomes = [];
    private readonly Dictionary<DecisionKind, int> actions = [];
    private ReplayForecaster? forecaster;
    private TargetState state;
    private int? procedureEndsAt;
    private bool procedureIsEmergency;
    private ScaleDirection procedureDirection;
    private int procedureCapacity;
    private int replayMinutes;

    /// <remarks>Alerts never change capacity, so their metrics are not simulated.</remarks>
    /// <exception cref="ArgumentException">A rule, the emergency check or the forecast reads a metric the simulated target does not produce.</exception>
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
                .SelectMany(rule => MetricFormula.For(rule.Trigger.Formula!).Names)
                .Select(name => NamedMetric.Find(policy.Metrics, name))
                .OfType<NamedMetric>()
                .Select(metric => metric.ToRequest(policy.Target.ResourceId)))
            .Concat(EmergencyDetector.Requests(policy))
            .Distinct()
            .Select(request => new WindowSource(request, Resolve(request.MetricName, nameof(policy)), minutePoints))
            .ToArray();
        windows = new MetricWindow[sources.Length];
        forecastMetric = policy.Predictive is { } predictive ? Resolve(predictive.MetricName, nameof(policy)) : null;
        mayHaveEmergency = policy.Emergency is not null || policy.Rules.Any(r => r.Trigger.CriticalThreshold is not null);
    }

    public override string Name { get; }

    /// <summary>How often Holt-Winters refits its parameters in the replay's hourly forecasts; <see cref="ReplayForecaster.DefaultRefitInterval"/> when null.</summary>
    public TimeSpan? ForecastRefitInterval { get; init; }

    /// <summary>Whether those refits start from the last parameters (see <see cref="ReplayForecaster.WarmStart"/>).</summary>
    public bool ForecastWarmStart { get; init; } = ReplayForecaster.DefaultWarmStart;

    /// <summary>How many ticks ended in each outcome; ticks skipped while a procedure ran are not decisions and are not counted.</summary>
    public IReadOnlyDictionary<DecisionOutcome, int> Outcomes => outcomes;

    /// <summary>Procedures started, by the kind of decision that started them (reactive, scheduled, predictive, emergency).</summary>
    public IReadOnlyDictionary<DecisionKind, int> Actions => actions;

    /// <summary>The decision of the last evaluated tick, with its reason.</summary>
    public ScalingDecision? LastDecision { get; private set; }

    /// <summary>The forecast in force (made at the start of the current virtual hour); null when the policy does not predict or none was made yet.</summary>
    public DemandForecast? CurrentForecast => forecaster?.Current;

    /// <summary>How the forecasts in force did over the replay so far; null when the policy does not predict.</summary>
    public override ReplayForecastAccuracy? ForecastAccuracy => forecaster?.Accuracy(replayMinutes);

    public override CapacityRequest Decide(ReplayTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var now = tick.Minute + 1;
        replayMinutes = now;
        double? forecastRequests = null;
        if (forecastMetric is { } metric)
        {
            forecaster ??= new ReplayForecaster(policy.Predictive!, tick.Start, tick.Length, ForecastRefitInterval, ForecastWarmStart);
            if (forecaster.IsHourEnd(tick.Minute))
            {
                forecaster.Advance(tick.Minute, tick.History(metric), tick.Now);
            }

            forecastRequests = metric == SimulatedMetric.Requests ? PerMinute(forecaster.HourForecast(now)) : null;
        }

        if (procedureEndsAt is { } endsAt && now >= endsAt)
        {
            var recordedAt = tick.Start.AddMinutes(endsAt);
            state = procedureDirection == ScaleDirection.Increase
                ? state with { LastScaleOutAt = recordedAt, LastKnownCapacity = procedureCapacity }
                : state with { LastScaleInAt = recordedAt, LastKnownCapacity = procedureCapacity };
            procedureEndsAt = null;
        }

        var running = procedureEndsAt is not null;
        if (running && (!mayHaveEmergency || procedureIsEmergency || policy.Mode != PolicyMode.Active))
        {
            return new CapacityRequest(tick.CurrentCapacity, forecastRequests);
        }

        for (var i = 0; i < sources.Length; i++)
        {
            windows[i] = sources[i].Read(tick);
        }

        // What the tick's caller tells the engine: instances not serving yet, recent recommendations (scale-in
        // stabilization) and how many ticks in a row had no metrics.
        // A new state only when one of these changes (most ticks change none).
        var stabilization = policy.ScaleInStabilization ?? TimeSpan.Zero;
        var warming = tick.CurrentCapacity - tick.ReadyCapacity;
        var expired = false;
        foreach (var recommendation in state.RecentRecommendations)
        {
            expired |= !(recommendation.At > tick.Now - stabilization);
        }

        var before = expired || warming != state.WarmingInstances
            ? state with
            {
                WarmingInstances = warming,
                RecentRecommendations = expired ? Unexpired(state.RecentRecommendations, tick.Now - stabilization) : state.RecentRecommendations,
            }
            : state;
        var decision = ScalingTick.Decide(policy, windows, before, tick.CurrentCapacity, tick.Now, forecaster?.Current);
        if (running && (decision.Kind != DecisionKind.Emergency || !decision.RequiresAction))
        {
            // PolicyEvaluation skips the target: only an emergency supersedes a running procedure.
            return new CapacityRequest(tick.CurrentCapacity, forecastRequests);
        }

        // An emergency while a normal procedure runs terminates it (superseded: its record step, and so its cooldown
        // clock, never runs) and starts its own.
        LastDecision = decision;
        var failures = decision.Outcome == DecisionOutcome.NoData ? before.ConsecutiveMetricFailures + 1 : 0;
        var remember = decision.RecommendedCapacity is { } && stabilization > TimeSpan.Zero;
        state = remember || failures != before.ConsecutiveMetricFailures
            ? before with
            {
                ConsecutiveMetricFailures = failures,
                RecentRecommendations = remember
                    ? [.. before.RecentRecommendations, new CapacityRecommendation(tick.Now, decision.RecommendedCapacity!.Value)]
                    : before.RecentRecommendations,
            }
            : before;
        CollectionsMarshal.GetValueRefOrAddDefault(outcomes, decision.Outcome, out _)++;
        if (!decision.RequiresAction || policy.Mode != PolicyMode.Active)
        {
            return new CapacityRequest(tick.CurrentCapacity, forecastRequests);
        }

        // ScaleProcedure: apply, wait for provisioning (scale-in: removal is taken as immediate), warm up, record.
        actions[decision.Kind] = actions.GetValueOrDefault(decision.Kind) + 1;
        var increase = decision.NewCapacity > tick.CurrentCapacity;
        procedureDirection = increase ? ScaleDirection.Increase : ScaleDirection.Decrease;
        procedureCapacity = decision.NewCapacity;
        procedureIsEmergency = decision.Kind == DecisionKind.Emergency;
        procedureEndsAt = now + (increase ? TargetModel.Minutes(tick.Model.ProvisioningDelay) : 0) + TargetModel.Minutes(policy.WarmUp);
        return new CapacityRequest(decision.NewCapacity, forecastRequests);
    }

    /// <summary>
    /// The one-minute points of one metric for the most recent minutes, each made once, when first read. Minute m is
    /// kept at m % size and m % size + size in a buffer of twice the longest window read, so the last minutes are
    /// always one contiguous slice; older points are let go (no window reaches them again).
    /// </summary>
    private sealed class MinutePoints(SimulatedMetric metric, bool isCount)
    {
        private MetricPoint[] buffer = [];
        private int size;
        private int next;

        /// <summary>Shows the <paramref name="count"/> minutes before <paramref name="end"/> (fewer at the start) in <paramref name="slice"/>.</summary>
        public void Show(ReplayTick tick, int end, int count, MetricPointSlice slice)
        {
            if (count > size)
            {
                Grow(count);
            }

            var history = tick.History(metric);
            for (var minute = Math.Max(next, end - size); minute < end; minute++)
            {
                var value = history[minute];
                var point = new MetricPoint(tick.Start.AddMinutes(minute), double.IsNaN(value) ? null : isCount ? 1 : value);
                buffer[minute % size] = point;
                buffer[(minute % size) + size] = point;
            }

            next = Math.Max(next, end);
            var shown = Math.Min(count, end);
            slice.Show(buffer, (end % size) + size - shown, shown);
        }

        private void Grow(int minutes)
        {
            // Only before the first minute is made, since every window is read on the first tick; a later growth starts over.
            size = minutes;
            buffer = new MetricPoint[2 * size];
            next = 0;
        }
    }

    private static List<CapacityRecommendation> Unexpired(IReadOnlyList<CapacityRecommendation> recommendations, DateTimeOffset after)
    {
        var kept = new List<CapacityRecommendation>(recommendations.Count);
        foreach (var recommendation in recommendations)
        {
            if (recommendation.At > after)
            {
                kept.Add(recommendation);
            }
        }

        return kept;
    }

    private static SimulatedMetric Resolve(string metricName, string paramName) => SimulatedMetricNames.TryResolve(metricName, out var metric)
        ? metric
        : throw new ArgumentException(string.Create(
            CultureInfo.InvariantCulture,
            $"the policy reads metric '{metricName}', which the simulated target does not produce; use one of {string.Join(", ", SimulatedMetricNames.All.Select(n => $"'{n}'"))}."),
            paramName);

    /// <summary>The forecast hour's requests as a rate per minute, for charts next to demand.</summary>
    private double? PerMinute(double? hourly) => hourly is not { } value ? null : policy.Predictive!.Aggregation switch
    {
        TimeAggregation.Total => value / 60,
        TimeAggregation.Count => null,
        _ => value,
    };

    /// <summary>Turns the target's per-minute history into the window Azure Monitor would return for one request.</summary>
    private sealed class WindowSource(MetricRequest request, SimulatedMetric metric, MinutePoints?[] shared)
    {
        private readonly int grain = Math.Max(1, TargetModel.Minutes(request.TimeGrain));
        private readonly int count = Math.Max(1, (int)Math.Ceiling((request.Window.TotalMinutes / Math.Max(1, TargetModel.Minutes(request.TimeGrain))) - 1e-9));
        private readonly MetricPointSlice slice = new();
        private MetricWindow? window;

        public MetricWindow Read(ReplayTick tick)
        {
            var history = tick.History(metric);
            var end = tick.Minute + 1;
            var first = Math.Max(0, count - (end / grain) - (end % grain == 0 ? 0 : 1));
            if (grain == 1)
            {
                // A count reads 1 for every minute with data, so it has points of its own.
                var isCount = request.Aggregation == TimeAggregation.Count;
                var minutes = shared[(2 * (int)metric) + (isCount ? 1 : 0)] ??= new MinutePoints(metric, isCount);
                minutes.Show(tick, end, count, slice);
                return window ??= new MetricWindow(request, slice);
            }

            var grained = new MetricPoint[count - first];

            for (var k = first; k < count; k++)
            {
                var from = end - ((count - k) * grain);
                grained[k - first] = new MetricPoint(tick.Start.AddMinutes(from), Aggregate(history, Math.Max(0, from), from + grain));
            }

            return new MetricWindow(request, grained);
        }

        private double? Aggregate(ReadOnlySpan<double> history, int from, int to)
        {
            if (grain == 1)
            {
                var single = history[from];
                return double.IsNaN(single) ? null : request.Aggregation == TimeAggregation.Count ? 1 : single;
            }

            return MinuteAggregation.Over(history, from, to, request.Aggregation);
        }
    }
}
