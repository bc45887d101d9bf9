namespace Scalewise.Simulator.Load;

/// <summary>Offered load on a simulated resource, in requests per second, as a function of time.</summary>
public interface ILoadProfile
{
    /// <summary>Requests per second arriving at <paramref name="time"/> (never negative).</summary>
    double RequestsPerSecondAt(DateTimeOffset time);
}
