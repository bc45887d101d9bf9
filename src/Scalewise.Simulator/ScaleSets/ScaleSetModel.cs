namespace Scalewise.Simulator.ScaleSets;

/// <summary>
/// How a simulated scale set behaves. <paramref name="ProvisioningDelay"/> left at its default (zero)
/// means <see cref="DefaultProvisioningDelay"/>; pass <c>TimeSpan.FromTicks(1)</c> for near-instant provisioning.
/// <paramref name="BytesPerRequest"/> turns requests into the "Network In Total" metric. <paramref name="Flexible"/> makes it a
/// Flexible-orchestration scale set: its VM list names only each VM's <c>virtualMachineResourceId</c>, and each instance is
/// served as its own VM (<c>Microsoft.Compute/virtualMachines/{scaleSet}_{instance}</c> in the same resource group).
/// </summary>
public sealed record ScaleSetModel(
    string Sku = "Standard_D2s_v3",
    string Location = "westus",
    double RequestsPerSecondPerInstance = 20,
    TimeSpan ProvisioningDelay = default,
    double BaselineCpuPercent = 5,
    double BytesPerRequest = 4096,
    bool Flexible = false,
    LongRunningForm UpdateForm = LongRunningForm.OkWithAzureAsyncOperation)
{
    /// <summary>How long a scale operation takes when the model does not say.</summary>
    public static readonly TimeSpan DefaultProvisioningDelay = TimeSpan.FromMinutes(3);

    public TimeSpan ProvisioningDelay { get; init; } = ProvisioningDelay == TimeSpan.Zero ? DefaultProvisioningDelay : ProvisioningDelay;

    /// <summary>
    /// Average CPU across <paramref name="ready"/> serving instances under <paramref name="load"/> requests per second:
    /// min(100, baseline + 100 × load / (ready × rps per instance)); 100 when load arrives and nothing serves.
    /// </summary>
    internal double CpuPercent(double load, int ready)
    {
        if (ready <= 0)
        {
            return load > 0 ? 100 : BaselineCpuPercent;
        }

        return Math.Min(100, BaselineCpuPercent + (100 * load / (ready * RequestsPerSecondPerInstance)));
    }

    internal void Validate()
    {
        LongRunningForms.Require(UpdateForm, LongRunningForms.ComputeUpdate, "ScaleSetModel.UpdateForm", "VirtualMachineScaleSets_Update");
        if (string.IsNullOrWhiteSpace(Sku))
        {
            throw new ArgumentException("ScaleSetModel.Sku must name a VM size, e.g. Standard_D2s_v3.", nameof(Sku));
        }

        if (string.IsNullOrWhiteSpace(Location))
        {
            throw new ArgumentException("ScaleSetModel.Location must name a region, e.g. westus.", nameof(Location));
        }

        if (!(RequestsPerSecondPerInstance > 0) || !double.IsFinite(RequestsPerSecondPerInstance))
        {
            throw new ArgumentException($"ScaleSetModel.RequestsPerSecondPerInstance is {RequestsPerSecondPerInstance}; it must be a finite number > 0.", nameof(RequestsPerSecondPerInstance));
        }

        if (ProvisioningDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"ScaleSetModel.ProvisioningDelay is {ProvisioningDelay}; it must not be negative.", nameof(ProvisioningDelay));
        }

        if (!(BaselineCpuPercent >= 0 && BaselineCpuPercent <= 100))
        {
            throw new ArgumentException($"ScaleSetModel.BaselineCpuPercent is {BaselineCpuPercent}; it must be between 0 and 100.", nameof(BaselineCpuPercent));
        }

        if (!(BytesPerRequest >= 0) || !double.IsFinite(BytesPerRequest))
        {
            throw new ArgumentException($"ScaleSetModel.BytesPerRequest is {BytesPerRequest}; it must be a finite number >= 0.", nameof(BytesPerRequest));
        }
    }
}
