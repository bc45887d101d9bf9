namespace Scalewise.Simulator.Load;

/// <summary>The same arrival rate at every moment.</summary>
public sealed class ConstantLoadProfile : ILoadProfile
{
    /// <summary>No load at all.</summary>
    public static ConstantLoadProfile None { get; } = new(0);

    public ConstantLoadProfile(double requestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requestsPerSecond);
        if (!double.IsFinite(requestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The arrival rate must be a finite number.");
        }

        RequestsPerSecond = requestsPerSecond;
    }

    public double RequestsPerSecond { get; }

    public double RequestsPerSecondAt(DateTimeOffset time) => RequestsPerSecond;
}
