using static Scalewise.Core.Policies.PolicyValidator;

namespace Scalewise.Core.Policies;

/// <summary>Checks the alert-only rules under <c>$.alerts</c>: a name of their own and a trigger as a rule's, with one threshold and no tiers.</summary>
internal static class AlertValidator
{
    public static void Validate(ScalingPolicy policy, List<PolicyError> errors)
    {
        if (policy.Alerts is not { } alerts)
        {
            return;
        }

        var taken = new HashSet<string>(
            (policy.Rules ?? []).Select(r => r?.Name).Concat((policy.TargetTracking ?? []).Select(t => t?.Name)).OfType<string>(),
            StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < alerts.Count; i++)
        {
            var path = Format($"$.alerts[{i}]");
            var alert = alerts[i];
            if (alert is null)
            {
                errors.Add(new(path, "an alert is required here: an object with \"name\" and \"trigger\"."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(alert.Name))
            {
                errors.Add(new(path + ".name", "name is required; give every alert a name, such as \"memory-high\", so decisions and notifications can say which one fired."));
            }
            else if (taken.Contains(alert.Name))
            {
                errors.Add(new(path + ".name", $"name '{alert.Name}' is used by a rule or a target tracking; give the alert its own name."));
            }
            else if (!names.Add(alert.Name))
            {
                errors.Add(new(path + ".name", $"name '{alert.Name}' is used by an earlier alert; give every alert its own name."));
            }

            ValidateTrigger(alert.Trigger, policy, path + ".trigger", errors);
            if (alert.Trigger is { WarningThreshold: not null })
            {
                errors.Add(new(path + ".trigger.warningThreshold", "an alert has one threshold, \"threshold\", and passing it is the warning; leave out warningThreshold."));
            }

            if (alert.Trigger is { CriticalThreshold: not null })
            {
                errors.Add(new(path + ".trigger.criticalThreshold", "an alert never scales, so it has no critical tier (that would hand the decision to the emergency path); put the critical threshold on a rule, or leave it out."));
            }
        }
    }
}
