using Scalewise.Cli.Scenarios;
using Scalewise.Core.Decisions;
using Scalewise.Simulator;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Cli.Campaign;

/// <summary>
/// One run in progress: its plan, its simulated scale set, the faults applied so far, and what it saw at every step (the
/// decisions the ticks returned, the procedure executions Durable reported) for the invariants to check.
/// </summary>
public sealed class CampaignRun
{
    private readonly HashSet<PlannedFault> started = [];
    private readonly HashSet<PlannedFault> ended = [];
    private readonly List<FaultRule> windowRules = [];
    private DateTimeOffset? observing;

    /// <summary>Creation times further apart than this, seen without a pause, are two executions.</summary>
    private static readonly TimeSpan NewExecutionGap = TimeSpan.FromSeconds(10);

    private CampaignRun(RunPlan plan, SimulatedScaleSet scaleSet, DateTimeOffset start)
    {
        Plan = plan;
        ScaleSet = scaleSet;
        Start = start;
    }

    public RunPlan Plan { get; }

    public SimulatedScaleSet ScaleSet { get; }

    public DateTimeOffset Start { get; }

    public string PolicyId => Plan.Policy.Id;

    public List<ScalingDecision> Decisions { get; } = [];

    /// <summary>Creation times of the procedure executions seen running on this target.</summary>
    public List<DateTimeOffset> Executions { get; } = [];

    public List<string> Violations { get; } = [];

    public Dictionary<string, int> ProceduresByOutcome { get; } = new(StringComparer.Ordinal);

    public IEnumerable<PlannedFault> AppliedFaults => started;

    public bool HasUnstartedFaults => started.Count < Plan.Faults.Distinct().Count();

    public static CampaignRun Add(Estate estate, RunPlan plan, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentNullException.ThrowIfNull(plan);
        var scaleSet = estate.AddScaleSet(
            plan.Policy.Target.ResourceId,
            plan.InitialCapacity,
            new ScaleSetModel(RequestsPerSecondPerInstance: RunPlan.RequestsPerSecondPerInstance, ProvisioningDelay: plan.ProvisioningDelay));
        scaleSet.SetLoad(new ScenarioLoad(start, plan.Load));
        return new CampaignRun(plan, scaleSet, start);
    }

    /// <summary>Faults due at <paramref name="now"/> that have not started yet; windows whose time is up, ended.</summary>
    public (IReadOnlyList<PlannedFault> Starting, IReadOnlyList<PlannedFault> Ending) Due(DateTimeOffset now)
    {
        var starting = Plan.Faults.Where(f => !started.Contains(f) && Start + f.At <= now).ToList();
        started.UnionWith(starting);
        var ending = started.Where(f => !ended.Contains(f) && Start + f.At + f.Lasting <= now).ToList();
        ended.UnionWith(ending);
        return (starting, ending);
    }

    /// <summary>Starts a simulator fault of the plan on this run's scale set.</summary>
    public void StartSimulatorFault(Estate estate, PlannedFault fault)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentNullException.ThrowIfNull(fault);
        var id = ScaleSet.ResourceId;
        string? method = fault.Amount switch { 0 => null, 1 => "PATCH", _ => "GET" };
        FaultRule? rule = fault.Kind switch
        {
            CampaignFault.ArmThrottle => FaultRule.Throttle(method, id, TimeSpan.FromSeconds(fault.Amount)) with { Times = fault.Times },
            CampaignFault.ArmServerError => FaultRule.ServerError(method, id) with { Times = fault.Times },
            CampaignFault.ArmConflict => FaultRule.Conflict("PATCH", id) with { Times = fault.Times },
            CampaignFault.ArmTimeout => FaultRule.Timeout(null, id, TimeSpan.FromMilliseconds(fault.Amount)),
            CampaignFault.ProvisioningFailed => FaultRule.ProvisioningFailed("PATCH", id),
            CampaignFault.MetricGap => FaultRule.MetricGap(id) with { Times = int.MaxValue },
            CampaignFault.LateMetrics => FaultRule.LateMetrics(id, TimeSpan.FromSeconds(fault.Amount)) with { Times = int.MaxValue },
            _ => null,
        };
        if (fault.Kind == CampaignFault.UnhealthyInstances)
        {
            ScaleSet.FailNextProvisioning();
        }

        if (rule is null)
        {
            return;
        }

        estate.Faults.Enqueue(rule);
        if (rule.Times == int.MaxValue)
        {
            windowRules.Add(rule);
        }
    }

    /// <summary>Ends this run's metric windows (the other simulator faults end by their count).</summary>
    public void EndSimulatorWindows(Estate estate, CampaignFault kind)
    {
        ArgumentNullException.ThrowIfNull(estate);
        foreach (var rule in windowRules.Where(r => (kind, r.Kind) is (CampaignFault.MetricGap, FaultKind.MetricGap) or (CampaignFault.LateMetrics, FaultKind.LateMetrics)).ToList())
        {
            estate.Faults.Remove(rule);
            windowRules.Remove(rule);
        }
    }

    public void EndAllSimulatorFaults(Estate estate)
    {
        ArgumentNullException.ThrowIfNull(estate);
        foreach (var rule in windowRules)
        {
            estate.Faults.Remove(rule);
        }

        windowRules.Clear();
    }

    public void Violation(string what) => Violations.Add(what);

    /// <summary>
    /// Notes the procedure running now (its creation time), or none. An execution is one stretch of being seen running:
    /// the in-process backend can report one execution's creation time differently when Pending and when Running (by
    /// over a second on a busy machine), so a new creation time counts as a new execution only when far from the last.
    /// </summary>
    public void Observe(DateTimeOffset? createdAt)
    {
        if (createdAt is not { } created)
        {
            observing = null;
            return;
        }

        if (observing is not { } current || (created - current).Duration() > NewExecutionGap)
        {
            Executions.Add(created);
            observing = created;
        }
    }
}
