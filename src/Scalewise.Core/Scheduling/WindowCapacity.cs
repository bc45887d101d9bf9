namespace Scalewise.Core.Scheduling;

/// <summary>
/// The bounds a schedule window puts in force: <see cref="Minimum"/> and <see cref="Maximum"/> replace the policy's while the
/// window is active, and <see cref="Desired"/> (when set) is the capacity the window starts at. A shutdown window sets
/// <see cref="Maximum"/> to a floor such as 1, or to 0 where the target kind allows scaling to zero.
/// </summary>
public sealed record WindowCapacity(int Minimum, int Maximum, int? Desired = null);
