namespace Scalewise.Simulator.RedisEnterprise;

/// <summary>
/// How a simulated Azure Managed Redis cluster behaves. <see cref="SkusForScaling"/> null means every SKU of
/// <see cref="RedisEnterpriseSkuCatalog.Default"/> other than the current one; a zero <see cref="ScalingDelay"/> means
/// <see cref="DefaultScalingDelay"/>.
/// </summary>
public sealed record RedisEnterpriseModel(
    string Location = "West US",
    TimeSpan ScalingDelay = default,
    IReadOnlyList<RedisEnterpriseSkuOption>? SkusForScaling = null,
    LongRunningForm UpdateForm = LongRunningForm.OkWithAzureAsyncOperation)
{
    public static readonly TimeSpan DefaultScalingDelay = TimeSpan.FromMinutes(15);

    public TimeSpan ScalingDelay { get; init; } = ScalingDelay == TimeSpan.Zero ? DefaultScalingDelay : ScalingDelay;

    internal void Validate() =>
        LongRunningForms.Require(UpdateForm, LongRunningForms.RedisEnterpriseUpdate, "RedisEnterpriseModel.UpdateForm", "RedisEnterprise_Update");
}
