using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Pricing;

namespace Scalewise.Core.Tests.Replays;

/// <summary>
/// Feeds synthetic metrics through <see cref="ScalingEngine.Decide"/> minute by minute, carrying capacity, SKU, cooldown
/// times and recent recommendations from one tick to the next as the evaluation loop does.
/// </summary>
internal sealed class PolicyReplay(ScalingPolicy policy, int capacity, string? sku = null, PriceTable? prices = null)
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<ScalingDecision> decisions = [];
    private TargetState state = TargetState.Empty(policy.Id) with { CurrentSku = sku };

    public int Capacity { get; private set; } = capacity;

    public string? Sku => state.CurrentSku;

    public IReadOnlyList<ScalingDecision> Decisions => decisions;

    /// <summary>Decisions that changed the target, with the minute they were taken.</summary>
    public IEnumerable<(int Minute, ScalingDecision Decision)> Changes =>
        decisions.Select((d, i) => (i + 1, d)).Where(x => x.d.Outcome == DecisionOutcome.Scale);

    /// <summary>Runs <paramref name="minutes"/> ticks; <paramref name="metric"/> gives each metric's value at a minute (null: no data).</summary>
    public PolicyReplay Run(int minutes, Func<string, int, double?> metric)
    {
        for (var i = 0; i < minutes; i++)
        {
            var minute = decisions.Count + 1;
            var now = Start.AddMinutes(minute);
            var windows = Requests().Select(r => new MetricWindow(r, Enumerable.Range(1, 60)
                .Select(k => new MetricPoint(now.AddMinutes(-k), metric(r.MetricName, minute - k))).Reverse().ToList())).ToList();
            var decision = ScalingEngine.Decide(policy, windows, state, Capacity, now, prices);
            decisions.Add(decision);
            Apply(decision, now);
        }

        return this;
    }

    private void Apply(ScalingDecision decision, DateTimeOffset now)
    {
        var recent = state.RecentRecommendations.Where(r => r.At > now.AddHours(-1)).ToList();
        if (decision.RecommendedCapacity is { } recommended)
        {
            recent.Add(new CapacityRecommendation(now, recommended));
        }

        state = state with { RecentRecommendations = recent };
        if (decision.Outcome != DecisionOutcome.Scale)
        {
            return;
        }

        state = decision.Direction == ScaleDirection.Increase ? state with { LastScaleOutAt = now } : state with { LastScaleInAt = now };
        Capacity = decision.NewCapacity;
        if (decision.NewSku is { } newSku)
        {
            state = state with { CurrentSku = newSku };
        }
    }

    private IEnumerable<MetricRequest> Requests() => PolicyMetrics.Requests(policy);
}
