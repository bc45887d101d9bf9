using Scalewise.Core.Redis;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.RedisEnterprise;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Simulator.Hosting;

/// <summary>
/// The estate <c>scalewise estate</c> serves: one resource of each kind the simulator models, under daily load with
/// weeks of metric history, plus scripted metric resources (a storage account, its blob service, a Cosmos DB account).
/// </summary>
public static class DemoEstate
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000de40";

    public const string ResourceGroup = "rg-demo";

    public const string ScaleSetId = Group + "/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-web";

    public const string VirtualMachineId = Group + "/providers/Microsoft.Compute/virtualMachines/vm-app";

    public const string SnapshotId = Group + "/providers/Microsoft.Compute/snapshots/vm-app-os-demo";

    public const string RedisCacheId = Group + "/providers/Microsoft.Cache/redis/cache-demo";

    public const string RedisEnterpriseId = Group + "/providers/Microsoft.Cache/redisEnterprise/amr-demo";

    public const string StorageAccountId = Group + "/providers/Microsoft.Storage/storageAccounts/stdemo";

    public const string BlobServiceId = StorageAccountId + "/blobServices/default";

    public const string CosmosAccountId = Group + "/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-demo";

    private const string Group = "/subscriptions/" + SubscriptionId + "/resourceGroups/" + ResourceGroup;

    /// <summary>Requests per second by UTC hour: quiet nights, a morning ramp, an afternoon peak.</summary>
    private static readonly double[] Day =
        [20, 15, 12, 10, 10, 15, 30, 60, 110, 150, 170, 180, 185, 190, 200, 190, 170, 140, 110, 90, 70, 50, 35, 25];

    /// <summary>Adds the demo resources to <paramref name="estate"/> and returns their ids, one per line to print.</summary>
    public static IReadOnlyList<string> Populate(Estate estate)
    {
        ArgumentNullException.ThrowIfNull(estate);
        var daily = new DailyLoadProfile(Day, dailyVariation: 0.1);

        var scaleSet = estate.AddScaleSet(ScaleSetId, 3, new ScaleSetModel());
        scaleSet.SetLoad(daily);

        var vm = estate.AddVirtualMachine(VirtualMachineId, new VirtualMachineModel(
            Size: "Standard_D2s_v3",
            AvailableSizes: [.. VirtualMachineModel.DefaultAvailableSizes, "Standard_D2_v2"],
            DataDiskCount: 1));
        vm.SetLoad(new DailyLoadProfile([.. Day.Select(r => r / 4)], dailyVariation: 0.1));
        var osDisk = vm.Disks[0];
        estate.PutSnapshot(ArmResourceId.Parse(SnapshotId, "Microsoft.Compute", "snapshots"), vm.Location, osDisk, incremental: false, new Dictionary<string, string>(), willFail: false);

        var cache = estate.AddRedisCache(RedisCacheId, new RedisSku(RedisTier.Premium, 1), new RedisCacheModel(DatasetMegabytes: 2048));
        cache.SetLoad(new DailyLoadProfile([.. Day.Select(r => r * 100)], dailyVariation: 0.1));
        estate.SetMetric(RedisCacheId, "cacheWrite", t => 4096 * daily.RequestsPerSecondAt(t), new Dictionary<string, string> { ["ShardId"] = "0" }, "BytesPerSecond");

        estate.AddRedisEnterprise(RedisEnterpriseId, "Balanced_B5", capacity: null, new RedisEnterpriseModel(
            SkusForScaling: [.. RedisEnterpriseSkuCatalog.Default.Where(o => o.Name != "Balanced_B5"), new("EnterpriseFlash_F300", 345)]));
        estate.SetMetric(RedisEnterpriseId, "serverLoad", t => Math.Min(100, 5 + daily.RequestsPerSecondAt(t) / 3), unit: "Percent");
        estate.SetMetric(RedisEnterpriseId, "usedmemorypercentage", _ => 42, unit: "Percent");

        estate.AddMetricResource(StorageAccountId);
        foreach (var api in new[] { "GetBlob", "PutBlob", "GetBlobServiceProperties" })
        {
            var dimensions = new Dictionary<string, string> { ["ApiName"] = api, ["Authentication"] = "AccountKey" };
            estate.SetMetric(StorageAccountId, "Ingress", t => 1024 * daily.RequestsPerSecondAt(t), dimensions, "Bytes");
            estate.SetMetric(StorageAccountId, "Egress", t => 8192 * daily.RequestsPerSecondAt(t), dimensions, "Bytes");
        }

        estate.AddMetricResource(BlobServiceId);
        foreach (var (tier, share) in new[] { ("Hot", 0.6), ("Cool", 0.3), ("Archive", 0.1) })
        {
            var dimensions = new Dictionary<string, string> { ["Tier"] = tier };
            estate.SetMetric(BlobServiceId, "BlobCount", _ => Math.Round(10_000 * share), dimensions);
            estate.SetMetric(BlobServiceId, "BlobCapacity", _ => Math.Round(5e9 * share), dimensions, "Bytes");
        }

        estate.AddMetricResource(CosmosAccountId);
        estate.SetMetric(CosmosAccountId, "MongoRequests", t => 60 * daily.RequestsPerSecondAt(t));
        estate.SetMetric(CosmosAccountId, "MongoRequestsCount", t => 60 * daily.RequestsPerSecondAt(t));

        return [ScaleSetId, VirtualMachineId, SnapshotId, RedisCacheId, RedisEnterpriseId, StorageAccountId, BlobServiceId, CosmosAccountId];
    }
}
