using Scalewise.Core.Decisions;

namespace Scalewise.Core.Metrics;

/// <summary>Everything one tick of a policy reads from Azure Monitor: its rules' metrics, target tracking, alerts, the named metrics formulas use, and the emergency check's metrics.</summary>
public static class PolicyMetrics
{
    public static IReadOnlyList<MetricRequest> Requests(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var target = policy.Target.ResourceId;
        return policy.Rules.Where(r => r.Trigger.Formula is null).Select(r => r.Trigger.ToRequest(target))
            .Concat((policy.TargetTracking ?? []).Select(t => t.AsTrigger().ToRequest(target)))
            .Concat((policy.Alerts ?? []).Where(a => a.Trigger.Formula is null).Select(a => a.Trigger.ToRequest(target)))
            .Concat((policy.Metrics ?? []).Select(m => m.ToRequest(target)))
            .Concat(EmergencyDetector.Requests(policy))
            .Distinct()
            .ToList();
    }
}
