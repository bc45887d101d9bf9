using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Scalewise.Core.Serialization;

namespace Scalewise.Core.Policies;

/// <summary>
/// Policies as JSON documents (the shape <see cref="ScalewiseJson"/> writes). <see cref="Parse"/> gives a policy only
/// when the document is well-formed and passes <see cref="PolicyValidator"/>; otherwise it gives errors a person can act on.
/// </summary>
public static partial class PolicyDocument
{
    // People write these documents by hand: a forgotten "threshold" must be an error, not a silent 0. Everything a
    // constructor takes is required unless it has a default or may be null (MetricNamespace, MetricResourceId, Mode).
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    private static readonly string[] ComparisonFields = ["operator", "threshold"];

    public static PolicyParseResult Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Failed(new PolicyError("$", "the document is empty; expected a JSON object with \"version\", \"id\", \"target\", \"capacity\", \"rules\" and \"warmUp\"."));
        }

        if (JsonInputCheck.FindProblem(json) is { } oddity)
        {
            return Failed(oddity);
        }

        if (TriggerShapeErrors(json) is { Count: > 0 } shape)
        {
            return new PolicyParseResult(null, shape);
        }

        ScalingPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<ScalingPolicy>(json, Strict);
        }
        catch (JsonException ex)
        {
            return Failed(FromException(ex));
        }

        if (policy is null)
        {
            return Failed(new PolicyError("$", "the document is null; expected a JSON object with \"version\", \"id\", \"target\", \"capacity\", \"rules\" and \"warmUp\"."));
        }

        var errors = PolicyValidator.Validate(policy);
        return errors.Count == 0 ? new PolicyParseResult(policy, []) : new PolicyParseResult(null, errors);
    }

    public static string Serialize(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return JsonSerializer.Serialize(policy, ScalewiseJson.Indented);
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            foreach (var property in info.Properties)
            {
                // A scale action measures its change by type (changeCount, percent or exactCount); the validator says which one is missing.
                // A trigger's metric fields are required unless it gives a formula: TriggerShapeErrors checks them.
                if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false }
                    && !(info.Type == typeof(ScaleAction) && property.AssociatedParameter.Name == nameof(ScaleAction.ChangeCount))
                    && !(info.Type == typeof(MetricTrigger) && MetricTrigger.RequiredMetricFields.Contains(property.Name)))
                {
                    property.IsRequired = true;
                }
            }
        });
        var options = new JsonSerializerOptions(ScalewiseJson.Options) { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        return options;
    }

    private static PolicyParseResult Failed(PolicyError error) => new(null, [error]);

    /// <summary>
    /// A rule's trigger either reads one metric (its metric fields are then required) or gives a formula over named metrics
    /// (and then has no metric fields). Checked on the JSON, where a missing field can be told from a default one; a document
    /// that is not JSON is left to the serializer to report.
    /// </summary>
    private static List<PolicyError> TriggerShapeErrors(string json)
    {
        var errors = new List<PolicyError>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException)
        {
            return errors;
        }

        if (root is not JsonObject document)
        {
            return errors;
        }

        foreach (var (section, rules) in new[] { ("rules", document["rules"] as JsonArray), ("alerts", document["alerts"] as JsonArray) })
        {
            CheckTriggers(section, rules, errors);
        }

        return errors;
    }

    private static void CheckTriggers(string section, JsonArray? rules, List<PolicyError> errors)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            if (rules![i] is not JsonObject rule || rule["trigger"] is not JsonObject trigger)
            {
                continue;
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"$.{section}[{i}].trigger");
            if (trigger["formula"] is not null)
            {
                errors.AddRange(MetricTrigger.MetricFields.Where(f => trigger[f] is not null).Select(f => new PolicyError(path + "." + f, FormulaValidator.MisplacedField(f))));
                continue;
            }

            var missing = MetricTrigger.RequiredMetricFields.Where(f => !trigger.ContainsKey(f)).ToList();
            if (missing.Count > 0)
            {
                var all = missing.Concat(ComparisonFields.Where(f => !trigger.ContainsKey(f)));
                errors.Add(new PolicyError(path, $"required fields are missing: {string.Join(", ", all.Select(f => $"'{f}'"))}; a trigger reads one metric with these fields, or gives a \"formula\" over the policy's named \"metrics\"."));
            }
        }
    }

    private static PolicyError FromException(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var line = ex.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l + 1})") : string.Empty;
        var message = StripLocation(ex.Message);

        var unmapped = UnmappedMember().Match(message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups["name"].Value;
            var parentPath = Parent(path, name);
            var accepted = Resolve(parentPath) is { } parent ? AcceptedFields(parent) : null;
            var hint = accepted is null ? string.Empty : $"; the fields accepted here are {accepted}";
            return new PolicyError(path, $"'{name}' is not a known field{hint}{line}.");
        }

        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            return new PolicyError(path, $"required fields are missing: {missing.Groups["names"].Value}{line}.");
        }

        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && Resolve(path) is { } expected)
        {
            return new PolicyError(path, $"the value is not {Describe(expected)}{line}.");
        }

        if (ex.InnerException is JsonException)
        {
            // The reader's exception, wrapped by the serializer: the text is not JSON at this point.
            return new PolicyError(path, $"the document is not valid JSON here: {message}{line}");
        }

        return new PolicyError(path, message.TrimEnd('.') + line + ".");
    }

    /// <summary>Drops the " Path: $.x | LineNumber: 0 | BytePositionInLine: 3." the serializer appends; the error carries them itself.</summary>
    private static string StripLocation(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).Trim();
    }

    private static string Parent(string path, string name)
    {
        foreach (var suffix in new[] { "." + name, $"['{name}']" })
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return path[..^suffix.Length];
            }
        }

        return path;
    }

    /// <summary>The .NET type a JSON path points at in a policy document, or null when the path leaves the known shape.</summary>
    private static Type? Resolve(string path)
    {
        Type? type = typeof(ScalingPolicy);
        foreach (Match segment in PathSegment().Matches(path))
        {
            if (type is null)
            {
                return null;
            }

            if (segment.Groups["index"].Success)
            {
                type = ElementType(type);
                continue;
            }

            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            var info = ScalewiseJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            type = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType
                : null;
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : new[] { type }.Concat(type.GetInterfaces())
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .Select(i => i.GetGenericArguments()[0])
                .FirstOrDefault();

    private static string? AcceptedFields(Type type)
    {
        var info = ScalewiseJson.Options.GetTypeInfo(type);
        return info.Kind == JsonTypeInfoKind.Object
            ? string.Join(", ", info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => $"\"{p.Name}\""))
            : null;
    }

    private static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Describe(underlying) + " or null";
        }

        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(TimeSpan))
        {
            return "an ISO 8601 duration string such as \"PT5M\"";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => $"\"{n}\""));
        }

        return ScalewiseJson.Options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object => "an object with " + AcceptedFields(type),
            _ => "a value of type " + type.Name,
        };
    }

    [GeneratedRegex("The JSON property '(?<name>.*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("missing required properties(,)? including: (?<names>.*?)\\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("\\.(?<name>[^.\\[]+)|\\['(?<quoted>(?:[^']|'')*)'\\]|\\[(?<index>\\d+)\\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();
}
