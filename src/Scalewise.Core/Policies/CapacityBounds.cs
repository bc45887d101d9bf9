namespace Scalewise.Core.Policies;

/// <summary>The capacity a target may have: no path, manual or automatic, goes outside [Minimum, Maximum].</summary>
public sealed record CapacityBounds(int Minimum, int Maximum, int Default)
{
    public int Clamp(int capacity) => Math.Clamp(capacity, Minimum, Maximum);

    public bool Contains(int capacity) => capacity >= Minimum && capacity <= Maximum;
}
