using Scalewise.Cli.Scenarios;
using Scalewise.Core.Pricing;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Simulator;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Cli.Local;

/// <summary>
/// What <c>scalewise serve</c> runs: the demo estate (<see cref="DemoEstate"/>: a scale set, a VM, a Redis cache and an Azure
/// Managed Redis cluster under a daily load) plus a second scale set whose daily load spikes threefold for 20 minutes every
/// 5 hours, each under one of the example policies (ids and resource ids set to the demo's).
/// </summary>
public static class DemoFleet
{
    public const string WebScaleSet = "vmss-web";
    public const string ApiScaleSet = "vmss-api";
    public const string AppVm = "vm-app";
    public const string Cache = "cache-demo";
    public const string ManagedRedis = "amr-demo";

    public const string ApiScaleSetId = "/subscriptions/" + DemoEstate.SubscriptionId + "/resourceGroups/" + DemoEstate.ResourceGroup + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + ApiScaleSet;

    /// <summary>Requests per second by UTC hour for the spiky scale set: the demo's day, a little busier.</summary>
    private static readonly double[] ApiDay =
        [30, 20, 15, 15, 15, 20, 40, 80, 140, 190, 210, 220, 230, 240, 250, 240, 210, 180, 140, 110, 90, 60, 45, 35];

    /// <summary>Adds the fleet's resources to <paramref name="estate"/> and returns a policy for each, ready to store.</summary>
    public static IReadOnlyList<ScalingPolicy> Populate(Estate estate)
    {
        ArgumentNullException.ThrowIfNull(estate);
        DemoEstate.Populate(estate);
        var api = estate.AddScaleSet(ApiScaleSetId, 2, new ScaleSetModel());
        api.SetLoad(new SpikeLoadProfile(new DailyLoadProfile(ApiDay, dailyVariation: 0.1), TimeSpan.FromHours(5), TimeSpan.FromMinutes(20), 3));

        // A change of more than 3 instances at once (by hand, say) waits for a person; the rules' one-instance steps do not.
        var web = Policy("vmss-daily-peak.json", WebScaleSet, DemoEstate.ScaleSetId) with { Approval = new ApprovalPolicy(3, TimeSpan.FromHours(4)) };
        var cache = Policy("redis-scale-up.json", Cache, DemoEstate.RedisCacheId) with { Ladder = DefaultSkuLadders.RedisPremium };
        var managed = Policy("redis-scale-up.json", ManagedRedis, DemoEstate.RedisEnterpriseId);
        managed = managed with
        {
            Target = new ScaleTarget(TargetKind.RedisEnterprise, DemoEstate.RedisEnterpriseId),
            Ladder = null,
            Rules = [.. managed.Rules.Select(r => r with { Trigger = r.Trigger with { MetricNamespace = "microsoft.cache/redisenterprise" } })],
        };
        return
        [
            web,
            Policy("vmss-burst.json", ApiScaleSet, ApiScaleSetId),
            Policy("vm-resize.json", AppVm, DemoEstate.VirtualMachineId),
            cache,
            managed,
        ];
    }

    private static ScalingPolicy Policy(string example, string id, string resourceId)
    {
        var parsed = PolicyDocument.Parse(RunScenarios.ReadPolicy(example));
        var policy = parsed.Policy ?? throw new InvalidOperationException($"The example policy {example} is not valid: {string.Join("; ", parsed.Errors)}");
        return policy with { Id = id, Target = policy.Target with { ResourceId = resourceId } };
    }
}
