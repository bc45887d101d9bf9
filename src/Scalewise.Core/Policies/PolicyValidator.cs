using System.Text.RegularExpressions;
using System.Xml;

namespace Scalewise.Core.Policies;

/// <summary>
/// Checks a policy before it is stored or used. Each error names the field by its JSON path (as
/// <see cref="Serialization.ScalewiseJson"/> writes it), says what was wrong and what would be accepted.
/// </summary>
/// <remarks>
/// Limits follow Azure autoscale where it has one: a time grain of at least one minute, a time window of at most
/// 12 hours, at most 1000 instances, cooldowns of at most one week. Azure autoscale itself asks for a time window
/// of at least 5 minutes; Scalewise accepts down to the time grain (1 minute), because it reads metrics itself.
/// </remarks>
public static partial class PolicyValidator
{
    public const int MaximumCapacity = 1000;

    public const int MaximumIdLength = 63;

    public static readonly TimeSpan MinimumTimeGrain = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaximumTimeWindow = TimeSpan.FromHours(12);

    public static readonly TimeSpan MaximumCooldown = TimeSpan.FromDays(7);

    public static readonly TimeSpan MaximumWarmUp = TimeSpan.FromHours(1);

    public static IReadOnlyList<PolicyError> Validate(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<PolicyError>();

        if (policy.Version != ScalingPolicy.CurrentVersion)
        {
            errors.Add(new("$.version", Format($"version {policy.Version} is not supported; use {ScalingPolicy.CurrentVersion}.")));
        }

        ValidateId(policy.Id, errors);
        ValidateTarget(policy.Target, errors);
        ValidateCapacity(policy.Capacity, errors);
        ValidateRules(policy.Rules, policy, errors);
        FormulaValidator.ValidateMetrics(policy, errors);
        AlertValidator.Validate(policy, errors);
        PolicyShapeValidator.Validate(policy, errors);
        PlanningValidator.Validate(policy, errors);
        Procedures.ProcedureSettingsValidator.Validate(policy, errors);

        if (policy.WarmUp < TimeSpan.Zero || policy.WarmUp > MaximumWarmUp)
        {
            errors.Add(new("$.warmUp", $"warm-up {Iso(policy.WarmUp)} is out of range; use a duration from PT0S to {Iso(MaximumWarmUp)}, such as \"PT2M\"."));
        }

        if (!Enum.IsDefined(policy.Mode))
        {
            errors.Add(new("$.mode", $"mode '{policy.Mode}' is unknown; use {Names<PolicyMode>()}."));
        }

        PolicyLimits.Validate(policy, errors);
        return errors;
    }

    /// <summary>True when <paramref name="id"/> could name a policy: 1 to <see cref="MaximumIdLength"/> lowercase letters, digits or hyphens.</summary>
    public static bool IsValidId(string? id) => !string.IsNullOrEmpty(id) && id.Length <= MaximumIdLength && IdPattern().IsMatch(id);

    private static void ValidateId(string? id, List<PolicyError> errors)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(new("$.id", Format($"id is required: 1 to {MaximumIdLength} lowercase letters, digits or hyphens, such as \"web-tier\".")));
        }
        else if (id.Length > MaximumIdLength || !IdPattern().IsMatch(id))
        {
            errors.Add(new("$.id", Format(
                $"id '{id}' is not allowed; it names the target in URLs and storage keys, so use 1 to {MaximumIdLength} lowercase letters (a-z), digits or hyphens, such as \"web-tier\".")));
        }
    }

    private static void ValidateTarget(ScaleTarget? target, List<PolicyError> errors)
    {
        if (target is null)
        {
            errors.Add(new("$.target", "target is required: an object with \"kind\" and \"resourceId\"."));
            return;
        }

        if (!Enum.IsDefined(target.Kind))
        {
            errors.Add(new("$.target.kind", $"kind '{target.Kind}' is unknown; use {Names<TargetKind>()}."));
            return;
        }

        if (!TargetResourceIds.IsIdOf(target.Kind, target.ResourceId))
        {
            var seen = string.IsNullOrEmpty(target.ResourceId) ? "is empty" : $"'{target.ResourceId}' is not";
            errors.Add(new("$.target.resourceId", $"resource id {seen} the ARM id of a {target.Kind}; use {TargetResourceIds.Template(target.Kind)}."));
        }
    }

    private static void ValidateCapacity(CapacityBounds? capacity, List<PolicyError> errors)
    {
        if (capacity is null)
        {
            errors.Add(new("$.capacity", "capacity is required: an object with \"minimum\", \"maximum\" and \"default\"."));
            return;
        }

        var (min, max, @default) = (capacity.Minimum, capacity.Maximum, capacity.Default);
        if (min < 0)
        {
            errors.Add(new("$.capacity.minimum", Format($"minimum {min} is negative; use 0 or more.")));
        }
        else if (min > max)
        {
            errors.Add(new("$.capacity.minimum", Format($"minimum {min} is above the maximum of {max}; the minimum must be at most the maximum.")));
        }

        if (max > MaximumCapacity)
        {
            errors.Add(new("$.capacity.maximum", Format($"maximum {max} is above {MaximumCapacity}, the most instances a scale set can have; use {MaximumCapacity} or less.")));
        }

        if (min >= 0 && min <= max && (@default < min || @default > max))
        {
            errors.Add(new("$.capacity.default", Format($"default {@default} is outside the bounds; use a value from the minimum {min} to the maximum {max}.")));
        }
    }

    private static void ValidateRules(IReadOnlyList<ScalingRule?>? rules, ScalingPolicy policy, List<PolicyError> errors)
    {
        if (rules is null)
        {
            errors.Add(new("$.rules", "rules is required: an array of rules (it may be empty when only the bounds should apply)."));
            return;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            var path = Format($"$.rules[{i}]");
            var rule = rules[i];
            if (rule is null)
            {
                errors.Add(new(path, "a rule is required here: an object with \"name\", \"trigger\" and \"action\"."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add(new(path + ".name", "name is required; give every rule a name, such as \"cpu-high\", so decisions can say which rule fired."));
            }
            else if (!names.Add(rule.Name))
            {
                errors.Add(new(path + ".name", $"name '{rule.Name}' is used by an earlier rule; give every rule its own name."));
            }

            ValidateTrigger(rule.Trigger, policy, path + ".trigger", errors);
            ValidateAction(rule.Action, path + ".action", errors);
            if (rule.Trigger is not null && rule.Action is not null)
            {
                PolicyShapeValidator.ValidateRule(rule, policy, path, errors);
            }
        }
    }

    internal static void ValidateTrigger(MetricTrigger? trigger, ScalingPolicy policy, string path, List<PolicyError> errors)
    {
        if (trigger is null)
        {
            errors.Add(new(path, "trigger is required: the metric, its window and the threshold."));
            return;
        }

        if (trigger.Formula is null)
        {
            ValidateMetric(trigger, path, errors);
        }
        else
        {
            FormulaValidator.ValidateTrigger(trigger, policy, path, errors);
        }

        if (!Enum.IsDefined(trigger.Operator))
        {
            errors.Add(new(path + ".operator", $"operator '{trigger.Operator}' is unknown; use {Names<ComparisonOperator>()}."));
        }

        if (!double.IsFinite(trigger.Threshold))
        {
            errors.Add(new(path + ".threshold", "threshold must be a finite number, such as 80."));
        }
    }

    /// <summary>The fields a rule and a target tracking share: which metric, from where, over which window.</summary>
    internal static void ValidateMetric(MetricTrigger trigger, string path, List<PolicyError> errors)
    {
        if (string.IsNullOrWhiteSpace(trigger.MetricName))
        {
            errors.Add(new(path + ".metricName", "metric name is required; use an Azure Monitor metric name such as \"Percentage CPU\"."));
        }

        if (trigger.MetricResourceId is { } metricResource && !ArmIdPattern().IsMatch(metricResource))
        {
            errors.Add(new(path + ".metricResourceId", $"'{metricResource}' is not an ARM resource id; use /subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroup}}/providers/{{namespace}}/{{type}}/{{name}}, or leave it out to read the target's own metric."));
        }

        if (!Enum.IsDefined(trigger.Statistic))
        {
            errors.Add(new(path + ".statistic", $"statistic '{trigger.Statistic}' is unknown; use {Names<Metrics.TimeAggregation>()}."));
        }

        if (!Enum.IsDefined(trigger.TimeAggregation))
        {
            errors.Add(new(path + ".timeAggregation", $"time aggregation '{trigger.TimeAggregation}' is unknown; use {Names<Metrics.TimeAggregation>()}."));
        }

        if (trigger.TimeGrain < MinimumTimeGrain)
        {
            errors.Add(new(path + ".timeGrain", $"time grain {Iso(trigger.TimeGrain)} is too short; Azure Monitor's finest grain is {Iso(MinimumTimeGrain)}, so use \"PT1M\" or longer."));
        }
        else if (!Metrics.MetricTimeGrains.IsAccepted(trigger.TimeGrain))
        {
            errors.Add(new(path + ".timeGrain", $"time grain {Iso(trigger.TimeGrain)} is not one Azure Monitor accepts; use one of {Metrics.MetricTimeGrains.Names}."));
        }

        if (trigger.TimeWindow > MaximumTimeWindow)
        {
            errors.Add(new(path + ".timeWindow", $"time window {Iso(trigger.TimeWindow)} is too long; use at most {Iso(MaximumTimeWindow)}, as Azure autoscale does."));
        }
        else if (trigger.TimeWindow < trigger.TimeGrain || trigger.TimeWindow < MinimumTimeGrain)
        {
            var floor = trigger.TimeGrain > MinimumTimeGrain ? trigger.TimeGrain : MinimumTimeGrain;
            errors.Add(new(path + ".timeWindow", $"time window {Iso(trigger.TimeWindow)} is shorter than the time grain {Iso(trigger.TimeGrain)}; use from {Iso(floor)} to {Iso(MaximumTimeWindow)} (Azure autoscale uses at least PT5M)."));
        }

        ValidateIngestionLatency(trigger.IngestionLatency, path, errors);

        PolicyShapeValidator.ValidateMetricExtras(trigger, path, errors);
    }

    /// <summary>A policy's own <c>ingestionLatency</c> at <paramref name="path"/>: from PT0S to the most Azure Monitor needs.</summary>
    internal static void ValidateIngestionLatency(TimeSpan? latency, string path, List<PolicyError> errors)
    {
        if (latency is { } value && (value < TimeSpan.Zero || value > Metrics.MetricIngestion.MaximumLatency))
        {
            errors.Add(new(path + ".ingestionLatency", $"ingestion latency {Iso(value)} is out of range; use from PT0S to {Iso(Metrics.MetricIngestion.MaximumLatency)}, or leave it out for the default of the metric's kind (PT3M platform, PT5M custom)."));
        }
    }

    private static void ValidateAction(ScaleAction? action, string path, List<PolicyError> errors)
    {
        if (action is null)
        {
            errors.Add(new(path, "action is required: \"direction\", \"changeCount\" and \"cooldown\"."));
            return;
        }

        if (action.Direction is not (ScaleDirection.Increase or ScaleDirection.Decrease))
        {
            errors.Add(new(path + ".direction", $"direction '{action.Direction}' does not move capacity; use \"Increase\" or \"Decrease\"."));
        }

        if (action.Type is ScaleActionType.ChangeCount or ScaleActionType.SkuStep && action.Steps is null && action.ChangeCount < 1)
        {
            errors.Add(new(path + ".changeCount", Format($"change count {action.ChangeCount} does not move capacity; use 1 or more instances.")));
        }

        if (action.Cooldown < TimeSpan.Zero || action.Cooldown > MaximumCooldown)
        {
            errors.Add(new(path + ".cooldown", $"cooldown {Iso(action.Cooldown)} is out of range; use a duration from PT0S to {Iso(MaximumCooldown)} (one week), such as \"PT5M\"."));
        }
    }

    internal static string Iso(TimeSpan span) => XmlConvert.ToString(span);

    internal static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>().Select(n => $"\"{n}\""));

    internal static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[^/]+/[^/]+/[^/]+(/[^/]+/[^/]+)*\\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ArmIdPattern();
}
