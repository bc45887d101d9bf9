using Scalewise.Simulator.Faults;

namespace Scalewise.Simulator.Hosting;

internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Simulator listening on {BaseUri} (certificate {Thumbprint})")]
    public static partial void Started(ILogger logger, Uri baseUri, string thumbprint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Scale set {ResourceId}: capacity {From} -> {To}, operation {OperationId}")]
    public static partial void CapacityRequested(ILogger logger, string resourceId, int from, int to, string operationId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Scale set {ResourceId}: operation {OperationId} ended {Status}; {Ready} instances ready")]
    public static partial void OperationEnded(ILogger logger, string resourceId, string operationId, string status, int ready);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Scale set {ResourceId}: the next scale-out's new instances will fail to provision")]
    public static partial void FaultArmed(ILogger logger, string resourceId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Method} {Path} -> {StatusCode}")]
    public static partial void Request(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Redis cache {ResourceId}: {From} -> {To}, operation {OperationId}")]
    public static partial void RedisScaleRequested(ILogger logger, string resourceId, Scalewise.Core.Redis.RedisSku from, Scalewise.Core.Redis.RedisSku to, string operationId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Redis cache {ResourceId}: operation {OperationId} ended {Status}")]
    public static partial void RedisScaleEnded(ILogger logger, string resourceId, string operationId, string status);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "{ResourceId}: {Operation} started, operation {OperationId}")]
    public static partial void OperationStarted(ILogger logger, string resourceId, string operation, string operationId);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Fault {Kind} injected into {Method} {Path}")]
    public static partial void FaultInjected(ILogger logger, FaultKind kind, string method, string path);
}
