namespace Scalewise.Azure.Targets;

/// <summary>What a <c>409 Conflict</c> from ARM means: only <see cref="OperationInProgress"/> goes away by waiting.</summary>
public enum ArmConflictKind
{
    /// <summary>Not a 409.</summary>
    None,

    /// <summary>Another operation runs on the resource (<c>Conflict</c>, <c>AnotherOperationInProgress</c>, <c>OperationNotAllowed</c> worded so): ask again later.</summary>
    OperationInProgress,

    /// <summary>The change would exceed a quota (<c>QuotaExceeded</c>, <c>OperationNotAllowed</c> worded so): waiting does not help.</summary>
    QuotaExceeded,

    /// <summary>The size or SKU cannot be had there now (<c>SkuNotAvailable</c>, <c>AllocationFailed</c>, <c>ZonalAllocationFailed</c>, ...).</summary>
    SkuNotAvailable,

    /// <summary>Any other 409: refused as it stands.</summary>
    Other,
}
