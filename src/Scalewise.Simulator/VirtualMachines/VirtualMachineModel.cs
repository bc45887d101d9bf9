namespace Scalewise.Simulator.VirtualMachines;

/// <summary>
/// How a simulated single VM behaves. <see cref="AvailableSizes"/> are the sizes it can be resized to while allocated (its
/// hardware cluster); null means the <see cref="DefaultAvailableSizes"/>. A deallocated VM may take any size of
/// <see cref="VmSize.Catalog"/> (a simple model of Azure, where deallocating frees the VM from its cluster). Zero delays
/// mean <see cref="DefaultResizeDelay"/> / <see cref="DefaultPowerDelay"/>. CPU is
/// min(100, baseline + 100 × load / (cores × <see cref="RequestsPerSecondPerCore"/>)) while running, 0 otherwise.
/// </summary>
public sealed record VirtualMachineModel(
    string Size = "Standard_D2s_v3",
    string Location = "westus",
    IReadOnlyList<string>? AvailableSizes = null,
    int DataDiskCount = 1,
    int DiskSizeGB = 128,
    double RequestsPerSecondPerCore = 25,
    double BaselineCpuPercent = 3,
    TimeSpan ResizeDelay = default,
    TimeSpan PowerDelay = default,
    LongRunningForm UpdateForm = LongRunningForm.OkWithAzureAsyncOperation,
    LongRunningForm PowerForm = LongRunningForm.AcceptedWithBoth)
{
    public static readonly TimeSpan DefaultResizeDelay = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan DefaultPowerDelay = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<string> DefaultAvailableSizes { get; } = ["Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3", "Standard_D16s_v3"];

    public TimeSpan ResizeDelay { get; init; } = ResizeDelay == TimeSpan.Zero ? DefaultResizeDelay : ResizeDelay;

    public TimeSpan PowerDelay { get; init; } = PowerDelay == TimeSpan.Zero ? DefaultPowerDelay : PowerDelay;

    internal void Validate()
    {
        LongRunningForms.Require(UpdateForm, LongRunningForms.ComputeUpdate, "VirtualMachineModel.UpdateForm", "VirtualMachines_Update");
        LongRunningForms.Require(PowerForm, LongRunningForms.ComputePower, "VirtualMachineModel.PowerForm", "VirtualMachines_Deallocate and _Start");
        if (VmSize.Find(Size) is null)
        {
            throw new ArgumentException($"VirtualMachineModel.Size '{Size}' is not in VmSize.Catalog ({string.Join(", ", VmSize.Catalog.Select(s => s.Name))}).", nameof(Size));
        }

        foreach (var size in AvailableSizes ?? [])
        {
            if (VmSize.Find(size) is null)
            {
                throw new ArgumentException($"VirtualMachineModel.AvailableSizes has '{size}', which is not in VmSize.Catalog.", nameof(AvailableSizes));
            }
        }

        if (DataDiskCount < 0 || DiskSizeGB < 1)
        {
            throw new ArgumentException("VirtualMachineModel needs DataDiskCount >= 0 and DiskSizeGB >= 1.", nameof(DataDiskCount));
        }

        if (!(RequestsPerSecondPerCore > 0) || !double.IsFinite(RequestsPerSecondPerCore))
        {
            throw new ArgumentException($"VirtualMachineModel.RequestsPerSecondPerCore is {RequestsPerSecondPerCore}; it must be a finite number > 0.", nameof(RequestsPerSecondPerCore));
        }
    }
}
