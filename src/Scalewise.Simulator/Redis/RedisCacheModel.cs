namespace Scalewise.Simulator.Redis;

/// <summary>
/// How a simulated Azure Cache for Redis behaves. Zero delays mean the defaults (<see cref="DefaultScalingDelayPerShard"/>,
/// <see cref="DefaultExportDuration"/>). A scale operation takes <see cref="ScalingDelayPerShard"/> times the shards it touches
/// (the larger of before and after; 1 when not clustered). <see cref="DatasetMegabytes"/> is the data held (drives
/// <c>usedmemorypercentage</c>); load (operations per second, <see cref="SimulatedRedisCache.SetLoad"/>) drives
/// <c>serverLoad</c> and <c>connectedclients</c>. <see cref="ExportForm"/> is how <c>export</c> answers (Redis_ExportData allows
/// 200, 202 and 204; its final state is read through <c>Location</c>).
/// </summary>
public sealed record RedisCacheModel(
    string Location = "East US",
    TimeSpan ScalingDelayPerShard = default,
    TimeSpan ExportDuration = default,
    double DatasetMegabytes = 512,
    double BaselineServerLoadPercent = 2,
    double ConnectedClientsPerThousandOperations = 20,
    string RedisVersion = "6.0",
    LongRunningForm ExportForm = LongRunningForm.Location,
    LongRunningForm UpdateForm = LongRunningForm.OkWhileRunning)
{
    public static readonly TimeSpan DefaultScalingDelayPerShard = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan DefaultExportDuration = TimeSpan.FromMinutes(5);

    public TimeSpan ScalingDelayPerShard { get; init; } = ScalingDelayPerShard == TimeSpan.Zero ? DefaultScalingDelayPerShard : ScalingDelayPerShard;

    public TimeSpan ExportDuration { get; init; } = ExportDuration == TimeSpan.Zero ? DefaultExportDuration : ExportDuration;

    internal void Validate()
    {
        LongRunningForms.Require(ExportForm, LongRunningForms.RedisExport, "RedisCacheModel.ExportForm", "Redis_ExportData");
        LongRunningForms.Require(UpdateForm, LongRunningForms.RedisUpdate, "RedisCacheModel.UpdateForm", "Redis_Update");
        if (string.IsNullOrWhiteSpace(Location))
        {
            throw new ArgumentException("RedisCacheModel.Location must name a region, e.g. East US.", nameof(Location));
        }

        if (ScalingDelayPerShard < TimeSpan.Zero || ExportDuration < TimeSpan.Zero)
        {
            throw new ArgumentException("RedisCacheModel delays must not be negative.", nameof(ScalingDelayPerShard));
        }

        if (!(DatasetMegabytes >= 0) || !double.IsFinite(DatasetMegabytes))
        {
            throw new ArgumentException($"RedisCacheModel.DatasetMegabytes is {DatasetMegabytes}; it must be a finite number >= 0.", nameof(DatasetMegabytes));
        }
    }
}
