namespace Scalewise.Azure.Metrics;

internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "The metrics batch for {ResourceCount} resource(s) of type {ResourceType} returned nothing for {ResourceId}. Its windows are empty.")]
    public static partial void BatchResourceMissing(ILogger logger, int resourceCount, string resourceType, string resourceId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Read {RequestCount} metric request(s) in {BatchCalls} batch call(s); {FallbackCount} went through ARM.")]
    public static partial void BatchRead(ILogger logger, int requestCount, int batchCalls, int fallbackCount);
}
