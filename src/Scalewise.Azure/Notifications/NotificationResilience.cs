using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Scalewise.Azure.Notifications;

/// <summary>
/// The resilience of the webhook, Teams and Event Grid clients (Microsoft.Extensions.Http.Resilience): a 30-second budget for
/// a notification, 10 seconds an attempt, up to 3 retries of a 408, 429, 5xx or lost connection with exponential backoff
/// and jitter (or the receiver's <c>Retry-After</c>, read by <see cref="RetryAfterHeader"/>), and a circuit breaker that stops
/// calling a receiver failing half of its calls for 30 seconds. A notification that still fails is recorded by the procedure.
/// </summary>
public static class NotificationResilience
{
    public const string PipelineName = "notifications";

    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public const int MaxRetries = 3;

    /// <summary>Adds the pipeline; <paramref name="firstRetryDelay"/> is the backoff's base (shorter in tests).</summary>
    public static IHttpClientBuilder AddNotificationResilience(this IHttpClientBuilder builder, TimeSpan? firstRetryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(PipelineName, pipeline =>
        {
            pipeline.AddTimeout(TotalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstRetryDelay ?? TimeSpan.FromSeconds(1),
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfterHeader.From(args.Outcome.Result, DateTimeOffset.UtcNow)),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(30),
            });
            pipeline.AddTimeout(AttemptTimeout);
        });
        return builder;
    }
}
