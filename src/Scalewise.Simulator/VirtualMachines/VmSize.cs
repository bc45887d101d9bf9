namespace Scalewise.Simulator.VirtualMachines;

/// <summary>A VM size as <c>vmSizes</c> lists it.</summary>
public sealed record VmSize(string Name, int NumberOfCores, int MemoryInMB, int MaxDataDiskCount, int OsDiskSizeInMB = 1047552, int ResourceDiskSizeInMB = 16384)
{
    /// <summary>Every size the simulated region has (what a deallocated VM may be resized to).</summary>
    public static IReadOnlyList<VmSize> Catalog { get; } =
    [
        new("Standard_A1_V2", 1, 2048, 2, ResourceDiskSizeInMB: 10240),
        new("Standard_A2_V2", 2, 4096, 4, ResourceDiskSizeInMB: 20480),
        new("Standard_B1s", 1, 1024, 2, ResourceDiskSizeInMB: 4096),
        new("Standard_B1ms", 1, 2048, 2, ResourceDiskSizeInMB: 4096),
        new("Standard_B2s", 2, 4096, 4, ResourceDiskSizeInMB: 8192),
        new("Standard_F4s_v2", 4, 8192, 8, ResourceDiskSizeInMB: 32768),
        new("Standard_D2_v2", 2, 7168, 8, ResourceDiskSizeInMB: 102400),
        new("Standard_DS3_v2", 4, 14336, 16, ResourceDiskSizeInMB: 28672),
        new("Standard_D2s_v3", 2, 8192, 4),
        new("Standard_D4s_v3", 4, 16384, 8, ResourceDiskSizeInMB: 32768),
        new("Standard_D8s_v3", 8, 32768, 16, ResourceDiskSizeInMB: 65536),
        new("Standard_D16s_v3", 16, 65536, 32, ResourceDiskSizeInMB: 131072),
        new("Standard_D2s_v5", 2, 8192, 4, ResourceDiskSizeInMB: 0),
        new("Standard_D4s_v5", 4, 16384, 8, ResourceDiskSizeInMB: 0),
        new("Standard_D8s_v5", 8, 32768, 16, ResourceDiskSizeInMB: 0),
        new("Standard_E4s_v5", 4, 32768, 8, ResourceDiskSizeInMB: 0),
        new("Standard_E8s_v5", 8, 65536, 16, ResourceDiskSizeInMB: 0),
    ];

    public static VmSize? Find(string name) =>
        Catalog.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
