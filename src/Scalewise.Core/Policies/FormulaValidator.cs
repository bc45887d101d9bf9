using System.Text.RegularExpressions;
using Scalewise.Core.Formulas;
using static Scalewise.Core.Policies.PolicyValidator;

namespace Scalewise.Core.Policies;

/// <summary>
/// The checks for formulas over named metrics: each named metric under <c>$.metrics</c> is a metric read as a rule's is and
/// has a name a formula can use; each formula parses, and names only metrics the policy defines. Errors give the JSON
/// path and, for a formula, the position in it.
/// </summary>
internal static partial class FormulaValidator
{
    public static void ValidateMetrics(ScalingPolicy policy, List<PolicyError> errors)
    {
        if (policy.Metrics is not { } metrics)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < metrics.Count; i++)
        {
            var path = Format($"$.metrics[{i}]");
            var metric = metrics[i];
            if (metric is null)
            {
                errors.Add(new(path, "a named metric is required here: an object with \"name\", \"metricName\", \"statistic\", \"timeAggregation\", \"timeGrain\" and \"timeWindow\"."));
                continue;
            }

            if (string.IsNullOrEmpty(metric.Name) || !NamePattern().IsMatch(metric.Name))
            {
                errors.Add(new(path + ".name", $"name '{metric.Name}' cannot be used in a formula; use a letter or '_' followed by letters, digits or '_', such as \"cpu\" or \"queue_depth\"."));
            }
            else if (metric.Name.Equals("min", StringComparison.OrdinalIgnoreCase) || metric.Name.Equals("max", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(path + ".name", $"name '{metric.Name}' is a formula function; give the metric another name, such as \"{metric.Name.ToLowerInvariant()}_cpu\"."));
            }
            else if (!names.Add(metric.Name))
            {
                errors.Add(new(path + ".name", $"name '{metric.Name}' is used by an earlier named metric (names are case-insensitive); give every metric its own name."));
            }

            ValidateMetric(metric.AsTrigger(), path, errors);
        }
    }

    public static void ValidateTrigger(MetricTrigger trigger, ScalingPolicy policy, string path, List<PolicyError> errors)
    {
        var at = path + ".formula";
        var text = trigger.Formula!;
        var (formula, error) = MetricFormula.Parse(text);
        if (formula is null)
        {
            errors.Add(new(at, Format($"formula \"{text}\" does not parse at position {error!.Position}: {error.Message}")));
        }
        else
        {
            for (var i = 0; i < formula.Names.Count; i++)
            {
                var name = formula.Names[i];
                if (NamedMetric.Find(policy.Metrics, name) is null)
                {
                    var known = policy.Metrics is { Count: > 0 } metrics
                        ? "the policy names " + string.Join(", ", metrics.Where(m => m is not null).Select(m => $"'{m.Name}'"))
                        : "the policy names none";
                    errors.Add(new(at, Format($"'{name}' at position {formula.PositionOf(i)} of \"{text}\" is not a named metric; define it under \"metrics\" ({known}).")));
                }
            }
        }

        // Set in code rather than JSON (where the document check names them): the metric fields belong to the named metrics.
        var misplaced = new (string Field, bool Set)[]
        {
            ("metricName", trigger.MetricName is not null),
            ("metricNamespace", trigger.MetricNamespace is not null),
            ("metricResourceId", trigger.MetricResourceId is not null),
            ("timeGrain", trigger.TimeGrain != TimeSpan.Zero),
            ("timeWindow", trigger.TimeWindow != TimeSpan.Zero),
            ("dimensions", trigger.Dimensions is not null),
            ("percentile", trigger.Percentile is not null),
            ("dividePerInstance", trigger.DividePerInstance),
        };
        foreach (var (field, set) in misplaced)
        {
            if (set)
            {
                errors.Add(new(path + "." + field, MisplacedField(field)));
            }
        }
    }

    public static string MisplacedField(string field) =>
        $"'{field}' is not used with a formula: each named metric under \"metrics\" says how it is read; leave it out here, or drop \"formula\" to compare one metric.";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
