using System.Xml;

namespace Scalewise.Core.Procedures;

/// <summary>Checks a policy's procedure settings (approval, maintenance window, data loss, snapshot retention), naming each field by its JSON path.</summary>
public static class ProcedureSettingsValidator
{
    public static readonly TimeSpan MaximumApprovalTimeout = TimeSpan.FromDays(7);

    public static void Validate(ScalingPolicy policy, ICollection<PolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(errors);

        if (policy.Approval is { } approval)
        {
            if (approval.InstanceThreshold < 0)
            {
                errors.Add(new("$.approval.instanceThreshold", Format($"instanceThreshold {approval.InstanceThreshold} is negative; use 0 (every change waits) or more.")));
            }

            if (approval.SkuStepThreshold < 0)
            {
                errors.Add(new("$.approval.skuStepThreshold", Format($"skuStepThreshold {approval.SkuStepThreshold} is negative; use 0 (every SKU change waits) or more.")));
            }

            if (approval.Timeout <= TimeSpan.Zero || approval.Timeout > MaximumApprovalTimeout)
            {
                errors.Add(new("$.approval.timeout", $"timeout {Iso(approval.Timeout)} is out of range; use a duration above PT0S and at most {Iso(MaximumApprovalTimeout)}, such as \"PT30M\"."));
            }
        }

        if (policy.Maintenance is { } window && window.Validate() is { } problem)
        {
            var field = problem.StartsWith("days", StringComparison.Ordinal) ? "days"
                : problem.StartsWith("time zone", StringComparison.Ordinal) ? "timeZone"
                : "end";
            errors.Add(new($"$.maintenance.{field}", problem));
        }

        if (policy.AcceptDataLoss && policy.Target?.Kind != Targets.TargetKind.RedisCache)
        {
            errors.Add(new("$.acceptDataLoss", "acceptDataLoss applies to Basic Azure Cache for Redis targets only; remove it or set it to false."));
        }

        if (policy.SnapshotRetention is { } retention && (retention < SnapshotRetention.Minimum || retention > SnapshotRetention.Maximum))
        {
            errors.Add(new("$.snapshotRetention", $"snapshotRetention {Iso(retention)} is out of range; use {Iso(SnapshotRetention.Minimum)} to {Iso(SnapshotRetention.Maximum)}, such as \"P7D\"."));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Iso(TimeSpan value) => XmlConvert.ToString(value);
}
