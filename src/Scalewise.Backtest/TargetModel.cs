using System.Globalization;

namespace Scalewise.Backtest;

/// <summary>
/// What a simulated target is: how many requests a minute one instance serves within the SLO, how long a new instance
/// takes to be provisioned and then to warm up, what an instance-hour costs, and how utilization turns into latency.
/// </summary>
/// <remarks>
/// Latency is M/M/1-like: an instance at SLO capacity runs its server at q = 1 - idle/slo, and the p95 response time
/// at utilization u (demand over ready capacity at the SLO) is idle / (1 - q·u), so it is the idle p95 with no load and
/// exactly the SLO p95 at u = 1. Past saturation (q·u near 1) the queue grows and its drain time adds to the latency.
/// </remarks>
public sealed record TargetModel(
    double CapacityPerInstance,
    TimeSpan ProvisioningDelay,
    TimeSpan WarmUp,
    double PricePerInstanceHour,
    double IdleP95LatencyMs,
    double SloP95LatencyMs)
{
    /// <summary>Instances the trace's 99th-percentile minute needs by default.</summary>
    public const int DefaultInstancesAtP99 = 20;

    /// <summary>The utilization those instances run at in the 99th-percentile minute.</summary>
    public const double DefaultUtilizationAtP99 = 0.7;

    public static readonly TimeSpan DefaultProvisioningDelay = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromMinutes(2);

    /// <summary>USD per instance-hour: about a 2-vCPU general-purpose Linux VM (D2s v5) at pay-as-you-go prices.</summary>
    public const double DefaultPricePerInstanceHour = 0.096;

    public const double DefaultIdleP95LatencyMs = 50;

    public const double DefaultSloP95LatencyMs = 500;

    // Beyond this server utilization the M/M/1 formula explodes; the queue's drain time takes over from there.
    private const double MaximumServerUtilization = 0.99;

    /// <summary>Whole minutes from a scale-out request until the new instances serve: provisioning then warm-up.</summary>
    public int ReadyDelayMinutes => Minutes(ProvisioningDelay) + Minutes(WarmUp);

    /// <summary>
    /// The model for <paramref name="trace"/>: the settings given, and for each one missing the default. The default
    /// capacity makes the trace's 99th-percentile minute need <see cref="DefaultInstancesAtP99"/> instances at
    /// <see cref="DefaultUtilizationAtP99"/> utilization, so the same command works on any trace.
    /// </summary>
    public static TargetModel Derive(WorkloadTrace trace, TargetModelSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        settings ??= new TargetModelSettings();
        var p99 = trace.Percentile(99);
        var derived = Math.Max(1, p99) / (DefaultInstancesAtP99 * DefaultUtilizationAtP99);
        var model = new TargetModel(
            settings.CapacityPerInstance ?? derived,
            settings.ProvisioningDelay ?? DefaultProvisioningDelay,
            settings.WarmUp ?? DefaultWarmUp,
            settings.PricePerInstanceHour ?? DefaultPricePerInstanceHour,
            settings.IdleP95LatencyMs ?? DefaultIdleP95LatencyMs,
            settings.SloP95LatencyMs ?? DefaultSloP95LatencyMs);
        model.Validate();
        return model;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the model field that is out of range and what is accepted.</summary>
    public void Validate()
    {
        if (!(CapacityPerInstance > 0) || double.IsInfinity(CapacityPerInstance))
        {
            throw Invalid("capacityPerInstance", CapacityPerInstance, "a positive number of requests per minute one instance serves within the SLO");
        }

        if (ProvisioningDelay < TimeSpan.Zero || ProvisioningDelay > TimeSpan.FromHours(2))
        {
            throw Invalid("provisioningDelay", ProvisioningDelay, "a duration from PT0S to PT2H, such as \"PT3M\"");
        }

        if (WarmUp < TimeSpan.Zero || WarmUp > TimeSpan.FromHours(2))
        {
            throw Invalid("warmUp", WarmUp, "a duration from PT0S to PT2H, such as \"PT2M\"");
        }

        if (!(PricePerInstanceHour >= 0) || double.IsInfinity(PricePerInstanceHour))
        {
            throw Invalid("pricePerInstanceHour", PricePerInstanceHour, "a non-negative price per instance-hour");
        }

        if (!(IdleP95LatencyMs > 0) || double.IsInfinity(IdleP95LatencyMs))
        {
            throw Invalid("idleP95LatencyMs", IdleP95LatencyMs, "a positive number of milliseconds");
        }

        if (!(SloP95LatencyMs > IdleP95LatencyMs) || double.IsInfinity(SloP95LatencyMs))
        {
            throw Invalid("sloP95LatencyMs", SloP95LatencyMs, "a number of milliseconds greater than idleP95LatencyMs");
        }
    }

    /// <summary>Instances needed to serve <paramref name="requests"/> in a minute within the SLO.</summary>
    public int InstancesFor(double requests)
    {
        // The tolerance keeps a float such as 14.000000000002 from asking for a 15th instance.
        var instances = Math.Ceiling((requests / CapacityPerInstance) - 1e-9);
        return instances <= 0 ? 0 : instances >= int.MaxValue ? int.MaxValue : (int)instances;
    }

    /// <summary>The p95 latency in milliseconds at <paramref name="utilization"/>, plus the time to drain <paramref name="queued"/> requests.</summary>
    public double P95LatencyMs(double utilization, double queued, int readyInstances)
    {
        var q = 1 - (IdleP95LatencyMs / SloP95LatencyMs);
        var server = Math.Min(q * Math.Max(0, utilization), MaximumServerUtilization);
        var latency = IdleP95LatencyMs / (1 - server);
        var throughput = ServiceRate(readyInstances);
        if (queued > 0)
        {
            latency += throughput > 0 ? queued / throughput * 60_000 : 60_000;
        }

        return latency;
    }

    /// <summary>Requests a minute the ready instances complete when fully busy (more than their capacity at the SLO).</summary>
    public double ServiceRate(int readyInstances) => readyInstances * CapacityPerInstance / (1 - (IdleP95LatencyMs / SloP95LatencyMs));

    internal static int Minutes(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(span.TotalMinutes - 1e-9);

    private static ArgumentException Invalid(string field, object value, string accepted) =>
        new(string.Create(CultureInfo.InvariantCulture, $"model field '{field}' is {value}; expected {accepted}."));
}
