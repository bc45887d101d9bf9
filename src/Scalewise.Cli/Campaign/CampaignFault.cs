namespace Scalewise.Cli.Campaign;

/// <summary>The faults a campaign run may draw (the JSON line counts them by these names).</summary>
public enum CampaignFault
{
    /// <summary>ARM answers 429 with a Retry-After.</summary>
    ArmThrottle,

    /// <summary>ARM answers 500.</summary>
    ArmServerError,

    /// <summary>ARM answers 409: another operation is in progress.</summary>
    ArmConflict,

    /// <summary>ARM holds the request, then 504.</summary>
    ArmTimeout,

    /// <summary>The scale operation is accepted and ends Failed.</summary>
    ProvisioningFailed,

    /// <summary>The next scale-out's new instances never become healthy.</summary>
    UnhealthyInstances,

    /// <summary>Azure Monitor answers without values for a while.</summary>
    MetricGap,

    /// <summary>Azure Monitor's newest minutes arrive late for a while.</summary>
    LateMetrics,

    /// <summary>Table Storage answers 412 to conditional writes of the target's rows (another writer got there first).</summary>
    TableConflict,

    /// <summary>Table Storage answers 503 to every request about the target for a while.</summary>
    TableUnavailable,

    /// <summary>The notification webhook answers 503 for a while.</summary>
    NotificationDown,
}
