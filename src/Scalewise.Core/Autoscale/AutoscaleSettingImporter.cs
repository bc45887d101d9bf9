using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Scalewise.Core.Autoscale.AutoscaleJson;

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

        var id = policyId ?? AutoscaleNames.Slug(target[(target.LastIndexOf('/') + 1)..], PolicyValidator.MaximumIdLength);
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
                if (AutoscaleRuleMapper.MapRule(sourceRules[i], source, target, names, warnings) is { } rule)
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

    private static TargetKind? KindOf(string resourceId) =>
        TargetResourceIds.KindOf(resourceId, TargetKind.VirtualMachineScaleSet, TargetKind.VirtualMachine, TargetKind.RedisCache);

    private static AutoscaleImport Failed(PolicyError error, IReadOnlyList<AutoscaleImportWarning>? warnings = null) => Failed([error], warnings);

    private static AutoscaleImport Failed(IReadOnlyList<PolicyError> errors, IReadOnlyList<AutoscaleImportWarning>? warnings = null) => new(null, warnings ?? [], errors);

    [GeneratedRegex(@"^\$\.rules\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex RulePath();
}
