namespace Scalewise.Core.Targets;

/// <summary>A managed disk attached to a VM; <see cref="Lun"/> is null for the OS disk.</summary>
public sealed record ManagedDiskInfo(string Id, string Name, int? Lun)
{
    public bool IsOsDisk => Lun is null;
}
