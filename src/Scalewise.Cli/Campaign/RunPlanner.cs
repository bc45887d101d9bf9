using System.Reflection;
using Scalewise.Cli.Scenarios;
using Scalewise.Core.Targets;

namespace Scalewise.Cli.Campaign;

/// <summary>
/// Draws a run's plan from its seed alone, so <c>scalewise campaign --runs 1 --seed S</c> replays run S exactly: a scale-set
/// policy (an example policy, or one generated), the scale set's start, a load in phases and two to four faults. The
/// first fault's kind goes round the kinds with the seed, so any <see cref="KindCount"/> consecutive seeds draw every kind.
/// </summary>
public static class RunPlanner
{
    public static readonly int KindCount = Enum.GetValues<CampaignFault>().Length;

    private static readonly Lazy<IReadOnlyList<(string Name, ScalingPolicy Policy)>> Examples = new(ReadExamples);

    public static IReadOnlyList<string> ExampleNames => [.. Examples.Value.Select(e => e.Name)];

    public static RunPlan Draw(int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var random = new Random(seed);
        var examples = Examples.Value;
        var pick = random.Next(examples.Count + 4);
        var (source, drawn) = pick < examples.Count ? examples[pick] : ("generated", Generate(random));
        var id = PolicyId(seed);
        var policy = drawn with
        {
            Id = id,
            Target = drawn.Target with { ResourceId = ResourceId(seed) },
            Approval = null,
        };
        var bounds = policy.Capacity;
        var initial = random.Next(bounds.Minimum, Math.Min(bounds.Maximum, bounds.Minimum + 6) + 1);
        var load = DrawLoad(random, initial);
        var duration = load.Aggregate(TimeSpan.Zero, (total, phase) => total + phase.Duration);
        var faults = new List<PlannedFault> { DrawFault(random, (CampaignFault)(seed % KindCount), duration) };
        for (var extra = random.Next(1, 4); extra > 0; extra--)
        {
            faults.Add(DrawFault(random, (CampaignFault)random.Next(KindCount), duration));
        }

        return new RunPlan(seed, source, policy, initial, TimeSpan.FromMinutes(random.Next(1, 4)), load, [.. faults.OrderBy(f => f.At)]);
    }

    /// <summary>The run's policy id: fixed width, so no run's id is part of another's (Table faults match on it).</summary>
    public static string PolicyId(int seed) => string.Create(CultureInfo.InvariantCulture, $"campaign-{seed:D10}");

    public static string ResourceId(int seed) =>
        $"/subscriptions/00000000-0000-0000-0000-0000000000c1/resourceGroups/rg-campaign/providers/Microsoft.Compute/virtualMachineScaleSets/{PolicyId(seed)}";

    private static List<ScenarioPhase> DrawLoad(Random random, int initial)
    {
        var phases = new List<ScenarioPhase>();
        for (var i = random.Next(3, 5); i > 0; i--)
        {
            // From a quiet 20 % to 250 % of what the starting capacity serves.
            var rate = Math.Round(initial * RunPlan.RequestsPerSecondPerInstance * (0.2 + (random.NextDouble() * 2.3)), 1);
            phases.Add(new ScenarioPhase($"phase {phases.Count + 1}", TimeSpan.FromMinutes(random.Next(3, 6)), rate));
        }

        return phases;
    }

    private static PlannedFault DrawFault(Random random, CampaignFault kind, TimeSpan duration)
    {
        var latest = Math.Max(2, (int)duration.TotalMinutes - 3);
        var at = TimeSpan.FromSeconds(random.Next(60, latest * 60));
        var lasting = TimeSpan.FromSeconds(random.Next(30, 300));
        var times = random.Next(1, 4);
        var amount = kind switch
        {
            CampaignFault.ArmThrottle => random.Next(1, 21),
            CampaignFault.ArmTimeout => random.Next(500, 4_000),
            CampaignFault.LateMetrics => random.Next(90, 300),
            _ => random.Next(3),
        };
        return new PlannedFault(kind, at, lasting, times, amount);
    }

    /// <summary>A scale-set policy of CPU rules with drawn bounds, thresholds, steps, windows, cooldowns and warm-up.</summary>
    private static ScalingPolicy Generate(Random random)
    {
        var minimum = random.Next(1, 5);
        var maximum = minimum + random.Next(1, 13);
        var high = random.Next(55, 91);
        var low = random.Next(5, Math.Min(45, high - 10));
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "version": 1,
              "id": "generated",
              "target": { "kind": "VirtualMachineScaleSet", "resourceId": "{{ResourceId(0)}}" },
              "capacity": { "minimum": {{minimum}}, "maximum": {{maximum}}, "default": {{minimum}} },
              "rules": [
                {{Rule("cpu-high", "GreaterThan", high, "Increase", random)}},
                {{Rule("cpu-low", "LessThan", low, "Decrease", random)}}
              ],
              "warmUp": "PT{{random.Next(0, 3)}}M",
              "mode": "Active"
            }
            """);
        return PolicyDocument.Parse(json).Policy
            ?? throw new InvalidOperationException($"The campaign generated a policy the validator refuses: {json}");
    }

    private static string Rule(string name, string comparison, int threshold, string direction, Random random) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "{{name}}",
              "trigger": {
                "metricName": "Percentage CPU", "metricNamespace": "microsoft.compute/virtualmachinescalesets",
                "statistic": "Average", "timeAggregation": "Average", "timeGrain": "PT1M", "timeWindow": "PT{{random.Next(2, 6)}}M",
                "operator": "{{comparison}}", "threshold": {{threshold}}
              },
              "action": { "direction": "{{direction}}", "changeCount": {{random.Next(1, 4)}}, "cooldown": "PT{{random.Next(1, 6)}}M" }
            }
            """);

    /// <summary>
    /// True when every metric the policy's rules read is one the simulated scale set serves: an example reading another
    /// resource (a queue, a gateway) or a guest metric would fail every tick and never start a procedure.
    /// </summary>
    private static bool ReadsOnlyServedMetrics(ScalingPolicy policy) =>
        policy.Metrics is null or { Count: 0 }
        && policy.TargetTracking is null or { Count: 0 }
        && policy.Rules.All(r => r.Trigger is { MetricResourceId: null, Formula: null } trigger && ServedMetrics.Contains(trigger.MetricName));

    private static readonly HashSet<string> ServedMetrics = new(["Percentage CPU", "Network In Total"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The example policies that size a scale set's instance count, from the copies the tool embeds.</summary>
    private static List<(string Name, ScalingPolicy Policy)> ReadExamples()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var found = new List<(string, ScalingPolicy)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (PolicyDocument.Parse(RunScenarios.ReadPolicy(name)).Policy is { Target.Kind: TargetKind.VirtualMachineScaleSet, IsVertical: false } policy && ReadsOnlyServedMetrics(policy))
            {
                found.Add((name, policy));
            }
        }

        return found;
    }
}
