using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Targets;

namespace Scalewise.Core.Autoscale;

/// <summary>
/// Converts an Azure Monitor autoscale setting (<c>Microsoft.Insights/autoscaleSettings</c>: the resource as GET returns
/// it, the body of its PUT request, or an Azure REST example holding either) into a Scalewise policy. The default
/// profile gives the capacity and the rules (metric, namespace, resource, dimension filters, grain, statistic, window,
/// aggregation, operator, threshold, division per instance; ChangeCount, PercentChangeCount and ExactCount actions with
/// their cooldowns); whatever the policy cannot say (other profiles' schedules, notifications, predictive autoscale,
/// other action types) becomes a warning naming its JSON path in the setting. The policy returned always passes <see cref="PolicyValidator"/>: a rule it would reject is left out
/// with the validator's reason.
/// </summary>
public static partial class AutoscaleSettingImporter
{
    /// <summary>Azure autoscale has no warm-up: new instances count as soon as they run.</summary>
    public const string ImportedWarmUp = "PT0S";

    private static readonly Dictionary<string, TimeAggregation> Statistics = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Average"] = TimeAggregation.Average,
        ["Min"] = TimeAggregation.Minimum,
        ["Minimum"] = TimeAggregation.Minimum,
        ["Max"] = TimeAggregation.Maximum,
        ["Maximum"] = TimeAggregation.Maximum,
        ["Sum"] = TimeAggregation.Total,
        ["Total"] = TimeAggregation.Total,
        ["Count"] = TimeAggregation.Count,
    };

    public static AutoscaleImport Import(string json, string? policyId = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? string.Empty, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return Failed(new PolicyError("$", $"the file is not valid JSON: {ex.Message}"));
        }

        using (document)
        {
            return Import(document.RootElement, policyId);
        }
    }

    private static AutoscaleImport Import(JsonElement root, string? policyId)
    {
        if (!TryFindSetting(root, "$", out var setting, out var at))
        {
            return Failed(new PolicyError("$", "this is not an autoscale setting; expected the resource GET .../providers/Microsoft.Insights/autoscalesettings/{name} returns (\"properties\": {\"profiles\": [...], \"targetResourceUri\": \"...\"}) or the body of its PUT request."));
        }

        var target = String(setting, "targetResourceUri");
        if (string.IsNullOrEmpty(target))
        {
            return Failed(new PolicyError(at + ".targetResourceUri", "targetResourceUri is required: the ARM id of the resource the setting scales."));
        }

        if (KindOf(target) is not { } kind)
        {
            return Failed(new PolicyError(
                at + ".targetResourceUri",
                $"'{target}' is not a resource Scalewise can size; it sizes virtual machine scale sets (Microsoft.Compute/virtualMachineScaleSets), virtual machines (Microsoft.Compute/virtualMachines) and Azure Cache for Redis (Microsoft.Cache/redis)."));
        }

        var id = policyId ?? Slug(target[(target.LastIndexOf('/') + 1)..], PolicyValidator.MaximumIdLength);
        if (string.IsNullOrEmpty(id))
        {
            return Failed(new PolicyError("$.id", "no policy id can be made from the target's name; give one (--id)."));
        }

        if (!setting.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array || profiles.GetArrayLength() == 0)
        {
            return Failed(new PolicyError(at + ".profiles", "profiles is required: at least one profile with a capacity and rules."));
        }

        var warnings = new List<AutoscaleImportWarning>();
        var chosen = ChooseProfile(profiles);
        var profile = profiles[chosen];
        var profilePath = Path(at + ".profiles", chosen);
        for (var i = 0; i < profiles.GetArrayLength(); i++)
        {
            if (i != chosen)
            {
                warnings.Add(new(Path(at + ".profiles", i), $"{Describe(profiles[i])}; Scalewise policies have no schedules yet, so this profile was not imported."));
            }
        }

        if (Schedule(profile) is not null)
        {
            warnings.Add(new(profilePath, $"the setting has no default profile (one without fixedDate or recurrence), so {Describe(profile)} was imported as the profile that always applies, without its schedule."));
        }

        if (!profile.TryGetProperty("capacity", out var capacity) || capacity.ValueKind != JsonValueKind.Object)
        {
            return Failed(new PolicyError(profilePath + ".capacity", "capacity is required: \"minimum\", \"maximum\" and \"default\"."), warnings);
        }

        var bounds = new JsonObject();
        foreach (var name in new[] { "minimum", "maximum", "default" })
        {
            if (Integer(capacity, name) is not { } value)
            {
                return Failed(new PolicyError($"{profilePath}.capacity.{name}", $"{name} is required: a whole number of instances, such as \"2\"."), warnings);
            }

            bounds[name] = value;
        }

        var rules = new List<(JsonObject Rule, string Source)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (profile.TryGetProperty("rules", out var sourceRules) && sourceRules.ValueKind == JsonValueKind.Array)
        {
            for (var i = 0; i < sourceRules.GetArrayLength(); i++)
            {
                var source = Path(profilePath + ".rules", i);
                if (MapRule(sourceRules[i], source, target, names, warnings) is { } rule)
                {
                    rules.Add((rule, source));
                }
            }
        }

        var mode = PolicyMode.Active;
        if (setting.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.False)
        {
            mode = PolicyMode.Observe;
            warnings.Add(new(at + ".enabled", "the setting is disabled, so the policy is imported in observe mode: it decides and records, and never scales. Set \"mode\" to \"Active\" to let it act."));
        }

        AddUnmappedSettingWarnings(setting, at, warnings);

        var policy = new JsonObject
        {
            ["version"] = ScalingPolicy.CurrentVersion,
            ["id"] = id,
            ["target"] = new JsonObject { ["kind"] = kind.ToString(), ["resourceId"] = target },
            ["capacity"] = bounds,
            ["warmUp"] = ImportedWarmUp,
            ["mode"] = mode.ToString(),
        };
        return Validate(policy, rules, warnings);
    }

    /// <summary>Validates the policy; a rule the validator rejects is left out with its reason, and the rest is tried again.</summary>
    private static AutoscaleImport Validate(JsonObject policy, List<(JsonObject Rule, string Source)> rules, List<AutoscaleImportWarning> warnings)
    {
        while (true)
        {
            policy["rules"] = new JsonArray([.. rules.Select(r => (JsonNode)r.Rule.DeepClone())]);
            var parsed = PolicyDocument.Parse(policy.ToJsonString());
            if (parsed.IsValid)
            {
                return new AutoscaleImport(parsed.Policy, warnings, []);
            }

            var rejected = parsed.Errors
                .Select(e => (Error: e, Match: RulePath().Match(e.Path)))
                .Where(x => x.Match.Success)
                .GroupBy(x => int.Parse(x.Match.Groups["index"].Value, CultureInfo.InvariantCulture))
                .OrderByDescending(g => g.Key)
                .ToList();
            if (rejected.Count == 0)
            {
                return Failed(parsed.Errors, warnings);
            }

            foreach (var rule in rejected)
            {
                var reasons = string.Join("; ", rule.Select(x => x.Error.Path[x.Match.Length..].TrimStart('.') is { Length: > 0 } field ? $"{field}: {x.Error.Message}" : x.Error.Message));
                warnings.Add(new(rules[rule.Key].Source, $"the rule was not imported, because Scalewise would reject it: {reasons}"));
                rules.RemoveAt(rule.Key);
            }
        }
    }

    private static JsonObject? MapRule(JsonElement rule, string path, string target, HashSet<string> names, List<AutoscaleImportWarning> warnings)
    {
        if (rule.ValueKind != JsonValueKind.Object
            || !rule.TryGetProperty("metricTrigger", out var trigger) || trigger.ValueKind != JsonValueKind.Object
            || !rule.TryGetProperty("scaleAction", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            warnings.Add(new(path, "the rule was not imported: it needs a \"metricTrigger\" and a \"scaleAction\" object."));
            return null;
        }

        var metricName = String(trigger, "metricName");
        if (string.IsNullOrEmpty(metricName))
        {
            warnings.Add(new(path + ".metricTrigger.metricName", "the rule was not imported: it names no metric."));
            return null;
        }

        JsonArray? filters = null;
        if (trigger.TryGetProperty("dimensions", out var dimensions) && dimensions.ValueKind == JsonValueKind.Array && dimensions.GetArrayLength() > 0)
        {
            filters = MapDimensions(dimensions, path + ".metricTrigger.dimensions", warnings);
            if (filters is null)
            {
                return null;
            }
        }

        var statisticText = String(trigger, "statistic");
        var aggregationText = String(trigger, "timeAggregation");
        var operatorText = String(trigger, "operator");
        if (statisticText is null || !Statistics.TryGetValue(statisticText, out var statistic))
        {
            warnings.Add(new(path + ".metricTrigger.statistic", $"the rule was not imported: statistic '{statisticText}' is not one of Average, Min, Max, Sum, Count."));
            return null;
        }

        if (!Enum.TryParse<TimeAggregation>(aggregationText, ignoreCase: true, out var aggregation) || !Enum.IsDefined(aggregation))
        {
            warnings.Add(new(path + ".metricTrigger.timeAggregation", $"the rule was not imported: time aggregation '{aggregationText}' is not one of {string.Join(", ", Enum.GetNames<TimeAggregation>())}."));
            return null;
        }

        if (!Enum.TryParse<ComparisonOperator>(operatorText, ignoreCase: true, out var comparison) || !Enum.IsDefined(comparison))
        {
            warnings.Add(new(path + ".metricTrigger.operator", $"the rule was not imported: operator '{operatorText}' is not one of {string.Join(", ", Enum.GetNames<ComparisonOperator>())}."));
            return null;
        }

        if (Number(trigger, "threshold") is not { } threshold)
        {
            warnings.Add(new(path + ".metricTrigger.threshold", "the rule was not imported: it has no numeric threshold."));
            return null;
        }

        var directionText = String(action, "direction");
        if (!Enum.TryParse<ScaleDirection>(directionText, ignoreCase: true, out var direction) || direction is not (ScaleDirection.Increase or ScaleDirection.Decrease))
        {
            warnings.Add(new(path + ".scaleAction.direction", $"the rule was not imported: direction '{directionText}' does not move capacity."));
            return null;
        }

        var newAction = MapAction(action, path + ".scaleAction", direction, warnings);
        if (newAction is null)
        {
            return null;
        }

        var newTrigger = new JsonObject { ["metricName"] = metricName };
        if (String(trigger, "metricNamespace") is { Length: > 0 } metricNamespace)
        {
            newTrigger["metricNamespace"] = metricNamespace;
        }

        if (String(trigger, "metricResourceUri") is { Length: > 0 } metricResource && !string.Equals(metricResource, target, StringComparison.OrdinalIgnoreCase))
        {
            newTrigger["metricResourceId"] = metricResource;
        }

        newTrigger["statistic"] = statistic.ToString();
        newTrigger["timeAggregation"] = aggregation.ToString();
        newTrigger["timeGrain"] = String(trigger, "timeGrain");
        newTrigger["timeWindow"] = String(trigger, "timeWindow");
        newTrigger["operator"] = comparison.ToString();
        newTrigger["threshold"] = threshold;
        if (filters is not null)
        {
            newTrigger["dimensions"] = filters;
        }

        if (trigger.TryGetProperty("dividePerInstance", out var divide) && divide.ValueKind == JsonValueKind.True)
        {
            newTrigger["dividePerInstance"] = true;
        }

        var baseName = $"{(direction == ScaleDirection.Increase ? "scale-out" : "scale-in")}-{Slug(metricName, 40)}".TrimEnd('-');
        var name = baseName;
        for (var n = 2; !names.Add(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{baseName}-{n}");
        }

        return new JsonObject
        {
            ["name"] = name,
            ["trigger"] = newTrigger,
            ["action"] = newAction,
        };
    }

    /// <summary>The scale action: ChangeCount, PercentChangeCount and ExactCount carry over; any other type leaves the rule out.</summary>
    private static JsonObject? MapAction(JsonElement action, string path, ScaleDirection direction, List<AutoscaleImportWarning> warnings)
    {
        var typeText = String(action, "type") ?? nameof(ScaleActionType.ChangeCount);
        var mapped = new JsonObject { ["direction"] = direction.ToString() };
        var known = Enum.TryParse<ScaleActionType>(typeText, ignoreCase: true, out var type) && Enum.IsDefined(type) && !typeText.All(char.IsAsciiDigit);
        if (known && type is ScaleActionType.PercentChangeCount)
        {
            if (Number(action, "value") is not { } percent)
            {
                warnings.Add(new(path + ".value", $"the rule was not imported: value {Raw(action, "value")} is not a percentage."));
                return null;
            }

            (mapped["type"], mapped["changeCount"], mapped["percent"]) = (type.ToString(), 0, percent);
        }
        else if (known && type is ScaleActionType.ChangeCount or ScaleActionType.ExactCount)
        {
            if (Integer(action, "value") is not { } count)
            {
                warnings.Add(new(path + ".value", $"the rule was not imported: value {Raw(action, "value")} is not a whole number of instances."));
                return null;
            }

            if (type == ScaleActionType.ExactCount)
            {
                (mapped["type"], mapped["changeCount"], mapped["exactCount"]) = (type.ToString(), 0, count);
            }
            else
            {
                mapped["changeCount"] = count;
            }
        }
        else
        {
            var meaning = typeText.Equals("ServiceAllowedNextValue", StringComparison.OrdinalIgnoreCase)
                ? "moves to the next size the service allows, which Scalewise cannot know for this target"
                : $"uses the action type '{typeText}', which Azure autoscale rules do not have";
            warnings.Add(new(path + ".type", $"the rule was not imported: it {meaning}; use ChangeCount, PercentChangeCount or ExactCount."));
            return null;
        }

        mapped["cooldown"] = String(action, "cooldown");
        return mapped;
    }

    /// <summary>Dimension filters (Azure writes DimensionName, Operator, Values); a filter that cannot be read leaves the rule out, as the rule would read another series without it.</summary>
    private static JsonArray? MapDimensions(JsonElement dimensions, string path, List<AutoscaleImportWarning> warnings)
    {
        var filters = new JsonArray();
        for (var i = 0; i < dimensions.GetArrayLength(); i++)
        {
            var dimension = dimensions[i];
            var name = Field(dimension, "DimensionName");
            var operatorText = Field(dimension, "Operator");
            var values = List(dimension, "Values").Concat(List(dimension, "values")).ToList();
            if (string.IsNullOrEmpty(name) || !Enum.TryParse<DimensionOperator>(operatorText, ignoreCase: true, out var comparison) || !Enum.IsDefined(comparison) || values.Count == 0)
            {
                warnings.Add(new(Path(path, i), $"the rule was not imported: the filter {dimension.GetRawText()} needs a dimension name, the operator Equals or NotEquals and at least one value, and without it the rule would read another series."));
                return null;
            }

            filters.Add(new JsonObject
            {
                ["dimensionName"] = name,
                ["operator"] = comparison.ToString(),
                ["values"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]),
            });
        }

        return filters;
    }

    private static string? Field(JsonElement parent, string pascalName) =>
        String(parent, pascalName) ?? String(parent, char.ToLowerInvariant(pascalName[0]) + pascalName[1..]);

    private static void AddUnmappedSettingWarnings(JsonElement setting, string at, List<AutoscaleImportWarning> warnings)
    {
        if (setting.TryGetProperty("notifications", out var notifications) && notifications.ValueKind == JsonValueKind.Array)
        {
            for (var i = 0; i < notifications.GetArrayLength(); i++)
            {
                var notification = notifications[i];
                var parts = new List<string>();
                if (notification.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.Object)
                {
                    var recipients = new List<string>();
                    if (email.TryGetProperty("sendToSubscriptionAdministrator", out var admin) && admin.ValueKind == JsonValueKind.True)
                    {
                        recipients.Add("the subscription administrator");
                    }

                    if (email.TryGetProperty("sendToSubscriptionCoAdministrators", out var coAdmins) && coAdmins.ValueKind == JsonValueKind.True)
                    {
                        recipients.Add("the co-administrators");
                    }

                    if (email.TryGetProperty("customEmails", out var custom) && custom.ValueKind == JsonValueKind.Array)
                    {
                        recipients.AddRange(custom.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                    }

                    if (recipients.Count > 0)
                    {
                        parts.Add("email to " + string.Join(", ", recipients));
                    }
                }

                if (notification.TryGetProperty("webhooks", out var webhooks) && webhooks.ValueKind == JsonValueKind.Array && webhooks.GetArrayLength() > 0)
                {
                    parts.Add("webhooks to " + string.Join(", ", webhooks.EnumerateArray().Select(w => String(w, "serviceUri") ?? "?")));
                }

                var what = parts.Count == 0 ? "this notification" : string.Join(" and ", parts);
                warnings.Add(new(Path(at + ".notifications", i), $"{what} was not imported; Scalewise notifies through its own webhook (the setting Scalewise:Notifications:WebhookUrl)."));
            }
        }

        if (setting.TryGetProperty("predictiveAutoscalePolicy", out var predictive) && predictive.ValueKind == JsonValueKind.Object
            && String(predictive, "scaleMode") is { } scaleMode && !scaleMode.Equals("Disabled", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add(new(at + ".predictiveAutoscalePolicy", $"predictive autoscale (scaleMode '{scaleMode}') was not imported; policy version 1 scales on observed metrics only."));
        }
    }

    /// <summary>The setting's properties, wherever the file holds them; <paramref name="at"/> is their JSON path.</summary>
    private static bool TryFindSetting(JsonElement root, string path, out JsonElement setting, out string at)
    {
        setting = default;
        at = path;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("profiles", out _))
        {
            (setting, at) = (properties, path + ".properties");
            return true;
        }

        if (root.TryGetProperty("profiles", out _))
        {
            setting = root;
            return true;
        }

        // An Azure REST example: the PUT request's body, or the response body.
        if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("parameters", out var body) && TryFindSetting(body, path + ".parameters.parameters", out setting, out at))
        {
            return true;
        }

        return root.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object
            && responses.EnumerateObject().FirstOrDefault(r => r.Value.ValueKind == JsonValueKind.Object && r.Value.TryGetProperty("body", out _)) is { Value.ValueKind: JsonValueKind.Object } response
            && TryFindSetting(response.Value.GetProperty("body"), $"{path}.responses['{response.Name}'].body", out setting, out at);
    }

    /// <summary>The default profile (no fixedDate, no recurrence); without one, the first recurring profile, as the one closest to always applying.</summary>
    private static int ChooseProfile(JsonElement profiles)
    {
        var all = profiles.EnumerateArray().ToList();
        var index = all.FindIndex(p => Schedule(p) is null);
        if (index < 0)
        {
            index = all.FindIndex(p => Schedule(p) == "recurrence");
        }

        return Math.Max(index, 0);
    }

    private static string? Schedule(JsonElement profile)
    {
        if (profile.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (profile.TryGetProperty("fixedDate", out var fixedDate) && fixedDate.ValueKind == JsonValueKind.Object)
        {
            return "fixedDate";
        }

        return profile.TryGetProperty("recurrence", out var recurrence) && recurrence.ValueKind == JsonValueKind.Object ? "recurrence" : null;
    }

    private static string Describe(JsonElement profile)
    {
        var name = profile.ValueKind == JsonValueKind.Object ? String(profile, "name") ?? "(unnamed)" : "(not an object)";
        switch (Schedule(profile))
        {
            case "fixedDate":
                var fixedDate = profile.GetProperty("fixedDate");
                return $"profile '{name}' applies from {String(fixedDate, "start")} to {String(fixedDate, "end")} ({String(fixedDate, "timeZone") ?? "UTC"})";
            case "recurrence":
                var recurrence = profile.GetProperty("recurrence");
                var schedule = recurrence.TryGetProperty("schedule", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
                var days = List(schedule, "days");
                var times = List(schedule, "hours").Zip(List(schedule, "minutes").DefaultIfEmpty("0"), (h, m) => $"{h}:{m.PadLeft(2, '0')}");
                var zone = schedule.ValueKind == JsonValueKind.Object ? String(schedule, "timeZone") ?? "UTC" : "UTC";
                return $"profile '{name}' recurs every {String(recurrence, "frequency")?.ToLowerInvariant() ?? "?"} on {string.Join(", ", days)} from {string.Join(", ", times)} ({zone})";
            default:
                return $"profile '{name}' (a second default profile)";
        }
    }

    private static IEnumerable<string> List(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())
            : [];

    private static TargetKind? KindOf(string resourceId) =>
        VmssId().IsMatch(resourceId) ? TargetKind.VirtualMachineScaleSet
        : VmId().IsMatch(resourceId) ? TargetKind.VirtualMachine
        : RedisId().IsMatch(resourceId) ? TargetKind.RedisCache
        : null;

    /// <summary>Lowercase letters, digits and single hyphens, as policy ids and rule names are written.</summary>
    private static string Slug(string text, int maximumLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString();
        return (slug.Length > maximumLength ? slug[..maximumLength] : slug).Trim('-');
    }

    private static string Path(string array, int index) => string.Create(CultureInfo.InvariantCulture, $"{array}[{index}]");

    private static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Raw(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value.GetRawText() : "(none)";

    /// <summary>A whole number written as a number or, as Azure writes capacities and action values, as a string.</summary>
    private static int? Integer(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static double? Number(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static AutoscaleImport Failed(PolicyError error, IReadOnlyList<AutoscaleImportWarning>? warnings = null) => Failed([error], warnings);

    private static AutoscaleImport Failed(IReadOnlyList<PolicyError> errors, IReadOnlyList<AutoscaleImportWarning>? warnings = null) => new(null, warnings ?? [], errors);

    [GeneratedRegex(@"^\$\.rules\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex RulePath();

    [GeneratedRegex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Compute/virtualMachineScaleSets/[^/]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VmssId();

    [GeneratedRegex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Compute/virtualMachines/[^/]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VmId();

    [GeneratedRegex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Cache/redis/[^/]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RedisId();
}
