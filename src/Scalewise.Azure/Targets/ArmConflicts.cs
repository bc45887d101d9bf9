namespace Scalewise.Azure.Targets;

/// <summary>
/// Tells ARM's 409s apart by code and, where Compute reuses <c>OperationNotAllowed</c> for several causes, by wording.
/// Codes as Compute, Azure Cache for Redis and ARM answer them (quota: "results in exceeding approved ... quota";
/// capacity: "Allocation failed"; a running operation: "another operation ... is in progress", Redis "is busy processing").
/// </summary>
internal static class ArmConflicts
{
    private static readonly string[] InProgressCodes = ["Conflict", "AnotherOperationInProgress", "OperationPreempted", "RetryableError", "ConflictingOperationInProgress"];

    private static readonly string[] QuotaCodes = ["QuotaExceeded", "OperationNotAllowedQuotaExceeded", "SubscriptionQuotaExceeded"];

    private static readonly string[] SkuCodes =
    [
        "SkuNotAvailable", "AllocationFailed", "ZonalAllocationFailed", "OverconstrainedAllocationRequest",
        "OverconstrainedZonalAllocationRequest", "OverconstrainedResizeAllocationRequest", "VMSizeNotSupported",
    ];

    private static readonly string[] QuotaWords = ["quota"];

    private static readonly string[] SkuWords = ["allocation failed", "not available in", "is currently not available", "not available in the current hardware cluster", "sufficient capacity"];

    private static readonly string[] InProgressWords = ["in progress", "is busy", "already being updated", "another operation", "retry after it completes", "try again later"];

    public static ArmConflictKind Classify(int status, string? code, string? message)
    {
        if (status != 409)
        {
            return ArmConflictKind.None;
        }

        var text = message ?? string.Empty;
        if (Is(code, QuotaCodes) || Mentions(text, QuotaWords))
        {
            return ArmConflictKind.QuotaExceeded;
        }

        if (Is(code, SkuCodes) || Mentions(text, SkuWords))
        {
            return ArmConflictKind.SkuNotAvailable;
        }

        return Is(code, InProgressCodes) || Mentions(text, InProgressWords) ? ArmConflictKind.OperationInProgress : ArmConflictKind.Other;
    }

    private static bool Is(string? code, string[] codes) => code is not null && codes.Contains(code, StringComparer.OrdinalIgnoreCase);

    private static bool Mentions(string text, string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
