using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Scalewise.Simulator.Traffic;

/// <summary>
/// What the simulator's callers cost and what ARM would make them wait for: every request counted by kind (ARM reads per
/// subscription, writes, metric calls), an optional delay added to every answer (real calls are not free), and, when
/// <see cref="Throttling"/> is on, ARM's token buckets per subscription (reads 250 refilled at 25 per second, writes 200
/// refilled at 10 per second): an empty bucket answers <c>429 TooManyRequests</c> with <c>Retry-After</c>. The metrics batch
/// API is a data-plane call and takes no ARM token; ARM's Metrics_List does.
/// </summary>
public sealed class SimulatedTraffic(TimeProvider clock)
{
    public const int ReadBucketSize = 250;
    public const double ReadRefillPerSecond = 25;
    public const int WriteBucketSize = 200;
    public const double WriteRefillPerSecond = 10;

    private readonly ConcurrentDictionary<string, int> readsPerSubscription = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Subscription, bool Write), TokenBucket> buckets = new();
    private readonly Lock gate = new();
    private int[] counts = new int[Enum.GetValues<TrafficKind>().Length];
    private int throttled;

    /// <summary>Added before every answer (zero by default).</summary>
    public TimeSpan Latency
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>The clock the buckets refill on: the estate's by default (a test's fake clock refills nothing while it stands still).</summary>
    public TimeProvider Clock { get; set; } = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Whether ARM's per-subscription buckets answer 429 when empty (off by default: most tests are about other things).</summary>
    public bool Throttling { get; set; }

    /// <summary>Requests of <paramref name="kind"/> since the start or the last <see cref="Reset"/>.</summary>
    public int Count(TrafficKind kind) => Volatile.Read(ref counts[(int)kind]);

    /// <summary>ARM reads (Metrics_List included) per subscription, since the start or the last <see cref="Reset"/>.</summary>
    public IReadOnlyDictionary<string, int> ArmReadsPerSubscription => readsPerSubscription.ToDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests answered 429 by the buckets.</summary>
    public int Throttled => Volatile.Read(ref throttled);

    /// <summary>Starts over: forgets the counts and fills every bucket.</summary>
    public void Reset()
    {
        lock (gate)
        {
            counts = new int[counts.Length];
            readsPerSubscription.Clear();
            buckets.Clear();
            throttled = 0;
        }
    }

    /// <summary>Counts the request; when throttling is on and its bucket is empty, how long the caller should wait.</summary>
    internal TimeSpan? Admit(string method, string path)
    {
        var kind = KindOf(method, path);
        var segments = path.Trim('/').Split('/');
        var subscription = segments.Length > 1 && segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) ? segments[1] : string.Empty;
        lock (gate)
        {
            counts[(int)kind]++;
            if (kind is TrafficKind.ArmRead or TrafficKind.ArmMetrics)
            {
                readsPerSubscription.AddOrUpdate(subscription, 1, (_, n) => n + 1);
            }

            if (!Throttling || kind == TrafficKind.MetricsBatch)
            {
                return null;
            }

            var write = kind == TrafficKind.ArmWrite;
            var bucket = buckets.GetOrAdd((subscription, write), _ => write
                ? new TokenBucket(WriteBucketSize, WriteRefillPerSecond, Clock.GetTimestamp())
                : new TokenBucket(ReadBucketSize, ReadRefillPerSecond, Clock.GetTimestamp()));
            var wait = bucket.TryTake(Clock.GetTimestamp(), Clock.TimestampFrequency);
            if (wait is not null)
            {
                throttled++;
            }

            return wait;
        }
    }

    private static TrafficKind KindOf(string method, string path)
    {
        if (path.EndsWith("/metrics:getBatch", StringComparison.OrdinalIgnoreCase))
        {
            return TrafficKind.MetricsBatch;
        }

        if (path.EndsWith("/providers/Microsoft.Insights/metrics", StringComparison.OrdinalIgnoreCase))
        {
            return TrafficKind.ArmMetrics;
        }

        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? TrafficKind.ArmRead : TrafficKind.ArmWrite;
    }
}
