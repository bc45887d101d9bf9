using System.Text;
using Scalewise.Core.Formulas;

namespace Scalewise.Core.Decisions;

/// <summary>
/// The value a formula trigger sees: each named metric the formula uses, read over its own window with its own aggregation,
/// then the formula. <c>detail</c> lists the metric values ("cpu = 83.4, memory = 61") or says why there is no value.
/// </summary>
internal static class FormulaReader
{
    private const int StackLimit = 32;

    public static double? Observe(MetricTrigger trigger, ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, DateTimeOffset now, int countedCapacity, out string detail)
    {
        var formula = MetricFormula.For(trigger.Formula!);
        var names = formula.Names;
        var values = names.Count <= StackLimit ? stackalloc double?[names.Count] : new double?[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            values[i] = NamedMetric.Find(policy.Metrics, names[i]) is { } metric
                ? WindowReader.Observe(metric.AsTrigger(), policy.Target.ResourceId, windows, now, countedCapacity)
                : null;
        }

        var result = formula.Evaluate(values);
        if (result.Value is null)
        {
            detail = result.Why!;
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(names[i]).Append(" = ").Append(DecisionText.Number(values[i]!.Value));
        }

        detail = text.ToString();
        return result.Value;
    }
}
