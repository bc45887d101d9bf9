using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Orchestrations.Tests.Replays;

/// <summary>
/// One example policy from examples/policies, stored in Table Storage with its target in the simulator, and replayed minute by
/// minute through the real tick (<see cref="PolicyEvaluation"/>: Azure Monitor reads, ARM reads, decision log, procedures).
/// Metrics are scripted per minute on the resources the policy reads them from; a metric read with a dimension filter also
/// gets a decoy series on another dimension value, so a replay only passes when the filter really selects its series.
/// </summary>
internal sealed partial class SeedReplay
{
    /// <summary>What a decoy series carries: far past every threshold in the examples.</summary>
    public const double Decoy = 1_000_000;

    private static readonly TimeSpan ProcedureBudget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WarmUpPoll = TimeSpan.FromMilliseconds(10);
    private static int replays;

    private readonly SeedReplayFixture fixture;
    private readonly List<(int Minute, ScalingDecision? Decision)> ticks = [];
    private int nextMinute = 1;

    private SeedReplay(SeedReplayFixture fixture, ScalingPolicy policy, DateTimeOffset start)
    {
        this.fixture = fixture;
        Policy = policy;
        Start = start;
    }

    public ScalingPolicy Policy { get; }

    /// <summary>Minute 0; the tick of minute k runs at Start + k minutes and reads the minutes before it.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Every tick's decision (null when the tick skipped the target), in minute order.</summary>
    public IReadOnlyList<(int Minute, ScalingDecision? Decision)> Ticks => ticks;

    public Estate Estate => fixture.Estate.Simulator.Estate;

    /// <summary>
    /// Reads <paramref name="example"/>, gives it (and every resource id in it) a name of its own for this replay, stores it and
    /// adds its target to the simulator: a scale set of <paramref name="capacity"/> instances, a VM at <paramref name="sku"/>
    /// (its ladder's sizes available without deallocating) or a Redis cache at <paramref name="sku"/> holding <paramref name="datasetMegabytes"/>.
    /// <paramref name="change"/> varies the example for one replay (the result must still validate).
    /// </summary>
    public static async Task<SeedReplay> StartAsync(SeedReplayFixture fixture, string example, int capacity = 1, string? sku = null, double datasetMegabytes = 512, Func<ScalingPolicy, ScalingPolicy>? change = null)
    {
        var n = Interlocked.Increment(ref replays).ToString(CultureInfo.InvariantCulture);
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", example))
            .Replace("/resourceGroups/rg-", $"/resourceGroups/rg-r{n}-", StringComparison.Ordinal);
        var parsed = PolicyDocument.Parse(json);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var policy = parsed.Policy! with { Id = $"{parsed.Policy!.Id}-r{n}" };
        policy = change?.Invoke(policy) ?? policy;
        Assert.Empty(PolicyValidator.Validate(policy));

        var estate = fixture.Estate.Simulator.Estate;
        estate.SnapshotDelay = TimeSpan.FromTicks(1);
        var id = policy.Target.ResourceId;
        switch (policy.Target.Kind)
        {
            case TargetKind.VirtualMachineScaleSet:
                estate.AddScaleSet(id, capacity, new ScaleSetModel(Sku: LocalEstateFixture.ScaleSetSku, ProvisioningDelay: TimeSpan.FromTicks(1)));
                break;
            case TargetKind.VirtualMachine:
                estate.AddVirtualMachine(id, new VirtualMachineModel(
                    Size: sku ?? throw new ArgumentNullException(nameof(sku)),
                    AvailableSizes: [.. policy.Ladder!.Select(r => r.Name)],
                    ResizeDelay: TimeSpan.FromTicks(1),
                    PowerDelay: TimeSpan.FromTicks(1)));
                break;
            case TargetKind.RedisCache:
                var redisSku = RedisSkuNames.Parse(sku, 0, out var error) ?? throw new ArgumentException(error, nameof(sku));
                estate.AddRedisCache(id, redisSku, new RedisCacheModel(ScalingDelayPerShard: TimeSpan.FromTicks(1), ExportDuration: TimeSpan.FromTicks(1), DatasetMegabytes: datasetMegabytes));
                break;
            default:
                throw new NotSupportedException($"No replay target for {policy.Target.Kind}.");
        }

        await fixture.Estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);

        var now = fixture.Clock.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);
        fixture.Clock.AdvanceTo(start);
        return new SeedReplay(fixture, policy, start);
    }

    /// <summary>
    /// Scripts <paramref name="metricName"/> wherever the policy reads it (its resource and dimension values), as the value of
    /// each minute (minute 0 = <see cref="Start"/>; earlier minutes are negative and make the history the first windows read).
    /// </summary>
    public SeedReplay SetMetric(string metricName, Func<int, double?> valueAtMinute, string unit = "Count")
    {
        var reads = PolicyMetrics.Requests(Policy)
            .Where(r => r.MetricName.Equals(metricName, StringComparison.OrdinalIgnoreCase))
            .Select(r => (r.ResourceId, r.DimensionFilter))
            .Distinct()
            .ToList();
        Assert.True(reads.Count > 0, $"Policy '{Policy.Id}' reads no metric '{metricName}'.");
        foreach (var (resourceId, filter) in reads)
        {
            if (!Estate.TryGetMetricResource(resourceId, out _) && !IsTarget(resourceId))
            {
                Estate.AddMetricResource(resourceId);
            }

            var dimensions = DimensionValues(filter);
            Estate.SetMetric(resourceId, metricName, t => valueAtMinute(MinuteOf(t)), dimensions, unit);
            if (dimensions.Count > 0)
            {
                Estate.SetMetric(resourceId, metricName, _ => Decoy, dimensions.ToDictionary(d => d.Key, _ => "decoy"), unit);
            }
        }

        return this;
    }

    /// <summary>The scale set's offered load in requests per second, minute by minute (its CPU then follows from its ready instances).</summary>
    public SeedReplay SetLoad(Func<int, double> requestsPerSecondAtMinute)
    {
        Estate.GetScaleSet(Policy.Target.ResourceId).SetLoad(new MinuteLoad(this, requestsPerSecondAtMinute));
        return this;
    }

    /// <summary>
    /// Runs the ticks of the next <paramref name="minutes"/> minutes, each one waiting for the procedure it starts to finish.
    /// A scale set's procedure finishes within its minute. A cache's or VM's procedure spends its warm-up on the replay clock
    /// (its verification reads the metrics of the minutes after the change, as in Azure): the minutes it takes are not ticked,
    /// as the real tick skips a target whose procedure runs.
    /// </summary>
    public async Task<SeedReplay> RunAsync(int minutes)
    {
        var evaluation = fixture.Estate.Services.GetRequiredService<PolicyEvaluation>();
        var client = fixture.Estate.Host.Client;
        var end = nextMinute + minutes;
        while (nextMinute < end)
        {
            var minute = nextMinute;
            fixture.Clock.AdvanceTo(Start.AddMinutes(minute));
            var decision = await evaluation.EvaluateAsync(client, Policy, CancellationToken.None);
            ticks.Add((minute, decision));
            if (decision is { } made && (made.RequiresAction || made.RequiresSkuChange) && Policy.Mode == PolicyMode.Active)
            {
                await FinishProcedureAsync(client);
            }

            nextMinute = Math.Max(minute + 1, (int)Math.Ceiling((fixture.Clock.GetUtcNow() - Start).TotalMinutes));
        }

        return this;
    }

    private async Task FinishProcedureAsync(DurableTaskClient client)
    {
        var instanceId = ProcedureIds.ForTarget(Policy.Id);
        var warmUpOnClock = SkuLadderMoves.IsVerticalKind(Policy.Target.Kind) && Policy.WarmUp > TimeSpan.Zero;
        using var budget = new CancellationTokenSource(ProcedureBudget);
        while (true)
        {
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: warmUpOnClock, budget.Token)
                ?? throw new InvalidOperationException($"No procedure '{instanceId}' was started.");
            if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running))
            {
                Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
                Assert.False(warmUpOnClock, $"The replay did not see the procedure of '{Policy.Id}' warm up (the host ran its {Policy.WarmUp} warm-up before the replay polled).");
                return;
            }

            if (warmUpOnClock && instance.ReadCustomStatusAs<ProcedureStatus>()?.Step == ProcedureStepNames.WarmUp)
            {
                fixture.Clock.AdvanceTo(fixture.Clock.GetUtcNow() + Policy.WarmUp);
                warmUpOnClock = false;
            }

            await Task.Delay(WarmUpPoll, budget.Token);
        }
    }

    /// <summary>The decisions as stored in the decision log, oldest first, each with the minute it was taken.</summary>
    public async Task<IReadOnlyList<(int Minute, ScalingDecision Decision)>> StoredDecisionsAsync()
    {
        var stored = await fixture.Estate.Services.GetRequiredService<IDecisionLog>().ListAsync(Policy.Id, 1000, CancellationToken.None);
        return [.. stored.Reverse().Select(d => (MinuteOf(d.DecidedAt), d))];
    }

    /// <summary>The stored decisions that scaled, oldest first.</summary>
    public async Task<IReadOnlyList<(int Minute, ScalingDecision Decision)>> ScalingsAsync() =>
        [.. (await StoredDecisionsAsync()).Where(d => d.Decision.Outcome == DecisionOutcome.Scale)];

    /// <summary>The target's procedures as recorded in history, oldest first.</summary>
    public async Task<IReadOnlyList<ProcedureRecord>> ProceduresAsync() =>
        [.. (await fixture.Estate.Services.GetRequiredService<IProcedureHistory>().ListAsync(Policy.Id, 1000, CancellationToken.None)).Reverse()];

    public int MinuteOf(DateTimeOffset time) => (int)Math.Floor((time - Start).TotalMinutes);

    private bool IsTarget(string resourceId) => resourceId.Equals(Policy.Target.ResourceId, StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> DimensionValues(string? filter) =>
        filter is null ? [] : EqualsClause().Matches(filter).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal));

    private sealed class MinuteLoad(SeedReplay replay, Func<int, double> requestsPerSecondAtMinute) : ILoadProfile
    {
        public double RequestsPerSecondAt(DateTimeOffset time) => requestsPerSecondAtMinute(replay.MinuteOf(time));
    }

    [GeneratedRegex(@"(\w+) eq '((?:[^']|'')*)'")]
    private static partial Regex EqualsClause();
}
