namespace Scalewise.Simulator.Traffic;

/// <summary>A token bucket as ARM's throttling uses: full at <see cref="Size"/>, refilled continuously at <see cref="RefillPerSecond"/>.</summary>
internal sealed class TokenBucket(int size, double refillPerSecond, long startTimestamp)
{
    private double tokens = size;
    private long lastTimestamp = startTimestamp;

    public int Size { get; } = size;

    public double RefillPerSecond { get; } = refillPerSecond;

    /// <summary>Takes one token at <paramref name="timestamp"/> (of a clock ticking <paramref name="frequency"/> times a second); when the bucket is empty, returns how long until one is there.</summary>
    public TimeSpan? TryTake(long timestamp, long frequency)
    {
        tokens = Math.Min(Size, tokens + (Math.Max(0, timestamp - lastTimestamp) / (double)frequency * RefillPerSecond));
        lastTimestamp = timestamp;
        if (tokens >= 1)
        {
            tokens -= 1;
            return null;
        }

        return TimeSpan.FromSeconds((1 - tokens) / RefillPerSecond);
    }
}
