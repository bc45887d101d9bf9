using System.Diagnostics;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Metrics;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// Reads what a tick needs for all its policies in batches instead of one target at a time: targets by ARM list per resource
/// group and kind, every metric request of every target whose target is ready in one <see cref="IMetricReader"/> call (the
/// batch reader groups them into <c>metrics:getBatch</c> calls of up to 50 resources), states and forecasts by range queries.
/// A failed part is left out, so its policies are read alone and each failure stays that policy's.
/// </summary>
public sealed partial class TickReader(IMetricReader metrics, TargetReader targets, ITargetStateStore states, IForecastStore forecasts, ILogger<TickReader> logger)
{
    /// <summary>Reads for <paramref name="policies"/>; <paramref name="running"/> says which of them have a procedure running.</summary>
    public async Task<TickReads> ReadAsync(IReadOnlyList<ScalingPolicy> policies, Func<ScalingPolicy, bool> running, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(running);
        var ids = policies.Select(p => p.Id).Distinct(StringComparer.Ordinal).ToList();
        var predictive = policies.Where(p => p.Predictive is not null).Select(p => p.Id).Distinct(StringComparer.Ordinal).ToList();
        var stateRead = Optional(() => states.GetManyAsync(ids, cancellationToken), "states", cancellationToken);
        var forecastRead = Optional(() => forecasts.GetManyAsync(predictive, cancellationToken), "forecasts", cancellationToken);

        var found = await targets.ReadManyAsync(policies.Select(p => p.Target), cancellationToken).ConfigureAwait(false);
        var requests = new Dictionary<string, IReadOnlyList<MetricRequest>>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            if (TargetReader.Find(found, policy.Target) is { } target && (running(policy) || target.IsProvisioningTerminal))
            {
                requests.TryAdd(policy.Id, PolicyMetrics.Requests(policy));
            }
        }

        var started = Stopwatch.GetTimestamp();
        var windows = await ReadMetricsAsync(requests, now, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new TickReads(now, found, windows, elapsed, await stateRead.ConfigureAwait(false), predictive.Count == 0 ? new Dictionary<string, DemandForecast>() : await forecastRead.ConfigureAwait(false));
    }

    /// <summary>Every policy's windows from one read; empty (each policy then reads alone) when that read fails.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<MetricWindow>>> ReadMetricsAsync(Dictionary<string, IReadOnlyList<MetricRequest>> requests, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = requests.Values.SelectMany(r => r).ToList();
        var windows = new Dictionary<string, IReadOnlyList<MetricWindow>>(StringComparer.Ordinal);
        if (all.Count == 0)
        {
            foreach (var id in requests.Keys)
            {
                windows[id] = [];
            }

            return windows;
        }

        IReadOnlyList<MetricWindow> answered;
        try
        {
            answered = await metrics.ReadAsync(all, now, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One target's failing metric must not fail the others: each policy reads alone after this.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogBatchFailed(logger, ex, all.Count);
            return windows;
        }

        var byRequest = new Dictionary<MetricRequest, MetricWindow>(ReferenceEqualityComparer.Instance);
        foreach (var window in answered)
        {
            byRequest[window.Request] = window;
        }

        foreach (var (id, own) in requests)
        {
            windows[id] = [.. own.Select(r => byRequest[r])];
        }

        return windows;
    }

    private async Task<IReadOnlyDictionary<string, T>?> Optional<T>(Func<Task<IReadOnlyDictionary<string, T>>> read, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed range query leaves each policy to read its own row, as before.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogRangeFailed(logger, ex, what);
            return null;
        }
    }

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "The tick's batched read of {Requests} metric requests failed; each policy reads its own")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int requests);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "The tick's range query of {What} failed; each policy reads its own")]
    private static partial void LogRangeFailed(ILogger logger, Exception exception, string what);
}
