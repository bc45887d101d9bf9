namespace Scalewise.Simulator.VirtualMachines;

/// <summary>A managed disk attached to a simulated VM (Lun is null for the OS disk).</summary>
public sealed record SimulatedDisk(string Id, string Name, int? Lun, int SizeGB, string UniqueId)
{
    public bool IsOsDisk => Lun is null;
}
