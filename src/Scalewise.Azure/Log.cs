namespace Scalewise.Azure;

/// <summary>Every log line the Azure adapters write.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Azure Monitor reported {ErrorCode} for metric {MetricName} of {ResourceId}: {ErrorMessage}. The window is empty.")]
    public static partial void MetricError(ILogger logger, string? errorCode, string metricName, string resourceId, string? errorMessage);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Azure Monitor returned no metric {MetricName} for {ResourceId}. The window is empty.")]
    public static partial void MetricMissing(ILogger logger, string metricName, string resourceId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Capacity change of {ResourceId} to {Capacity} accepted by ARM.")]
    public static partial void CapacityChangeStarted(ILogger logger, string resourceId, int capacity);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "No webhook configured: procedure {ProcedureId} ({Operation}) of {ResourceId} ended {Outcome}, capacity {OldCapacity} -> {NewCapacity}. {Reason}")]
    public static partial void NotificationLogged(ILogger logger, string procedureId, string operation, string resourceId, string outcome, int oldCapacity, int newCapacity, string reason);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "No webhook configured: capacity report for procedure {ProcedureId}: {Summary}")]
    public static partial void CapacityReportLogged(ILogger logger, string procedureId, string summary);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Webhook notified about procedure {ProcedureId} ({Status}).")]
    public static partial void NotificationSent(ILogger logger, string procedureId, int status);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Error, Message = "Webhook notification about procedure {ProcedureId} failed: {Error}")]
    public static partial void NotificationFailed(ILogger logger, Exception? exception, string procedureId, string error);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Redis scale of {ResourceId} to {Target} accepted by ARM.")]
    public static partial void RedisScaleStarted(ILogger logger, string resourceId, Scalewise.Core.Redis.RedisSku target);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Redis export of {ResourceId} under prefix {Prefix} accepted by ARM.")]
    public static partial void RedisExportStarted(ILogger logger, string resourceId, string prefix);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Redis Enterprise SKU change of {ResourceId} to {SkuName} accepted by ARM.")]
    public static partial void RedisEnterpriseUpdateStarted(ILogger logger, string resourceId, string skuName);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "VM {ResourceId}: {Operation} accepted by ARM.")]
    public static partial void VirtualMachineOperationStarted(ILogger logger, string resourceId, string operation);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Snapshot {SnapshotId} of VM {ResourceId} deleted (older than {CreatedBefore}).")]
    public static partial void SnapshotDeleted(ILogger logger, string snapshotId, string resourceId, DateTimeOffset createdBefore);
}
