using System.Text.Json;
using Scalewise.Core.Serialization;

namespace Scalewise.Core.Policies;

/// <summary>
/// The documented maximums of a policy document (docs/policies.md, "Limits"), checked by <see cref="PolicyValidator"/> so that
/// a document <c>validate</c> accepts is one the store can hold: the stored form (compact JSON) of the largest accepted policy
/// stays well below Table Storage's 1 MiB entity, and the lists stay small enough to read every tick.
/// </summary>
public static class PolicyLimits
{
    /// <summary>Characters of the policy as stored (compact JSON, as <c>GET /api/policies/{id}</c> returns it without indentation).</summary>
    public const int MaximumDocumentLength = 256 * 1024;

    public const int MaximumRules = 50;

    public const int MaximumTargetTrackingRules = 10;

    public const int MaximumAlerts = 50;

    public const int MaximumNamedMetrics = 20;

    public const int MaximumLadderRungs = 50;

    /// <summary>Recurring and fixed schedule windows, each list.</summary>
    public const int MaximumScheduleWindows = 50;

    /// <summary>Checks the list lengths and, for an otherwise valid policy, the stored length; each error names the list or the document.</summary>
    /// <remarks>Call it last: it measures the stored form only when nothing else is wrong.</remarks>
    public static void Validate(ScalingPolicy policy, List<PolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(errors);
        Count("$.rules", policy.Rules?.Count, MaximumRules, "rules", errors);
        Count("$.targetTracking", policy.TargetTracking?.Count, MaximumTargetTrackingRules, "target-tracking rules", errors);
        Count("$.alerts", policy.Alerts?.Count, MaximumAlerts, "alerts", errors);
        Count("$.metrics", policy.Metrics?.Count, MaximumNamedMetrics, "named metrics", errors);
        Count("$.ladder", policy.Ladder?.Count, MaximumLadderRungs, "ladder rungs", errors);
        Count("$.schedule.windows", policy.Schedule?.Windows?.Count, MaximumScheduleWindows, "recurring windows", errors);
        Count("$.schedule.fixedWindows", policy.Schedule?.FixedWindows?.Count, MaximumScheduleWindows, "fixed windows", errors);
        if (errors.Count > 0)
        {
            // Refused already; the stored length matters only for a policy that would be stored.
            return;
        }

        var length = StoredLength(policy);
        if (length is null)
        {
            errors.Add(new("$", "the policy holds a number JSON cannot write (NaN or infinity); use finite numbers."));
        }
        else if (length > MaximumDocumentLength)
        {
            errors.Add(new("$", string.Create(CultureInfo.InvariantCulture, $"the policy is {length} characters as stored (compact JSON); the maximum is {MaximumDocumentLength}. Shorten descriptions, names or metric fields.")));
        }
    }

    private static int? StoredLength(ScalingPolicy policy)
    {
        try
        {
            return JsonSerializer.Serialize(policy, ScalewiseJson.Options).Length;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static void Count(string path, int? count, int maximum, string what, List<PolicyError> errors)
    {
        if (count > maximum)
        {
            errors.Add(new(path, string.Create(CultureInfo.InvariantCulture, $"the policy has {count} {what}; use at most {maximum}.")));
        }
    }
}
