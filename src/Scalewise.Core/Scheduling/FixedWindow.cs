namespace Scalewise.Core.Scheduling;

/// <summary>
/// A one-off window from <see cref="Start"/> to <see cref="End"/>, both wall-clock times in <see cref="TimeZone"/> (an IANA id),
/// written without an offset ("2026-11-27T00:00:00"). A fixed window takes precedence over every recurring window.
/// </summary>
public sealed record FixedWindow(string Name, DateTime Start, DateTime End, string TimeZone, WindowCapacity Capacity);
