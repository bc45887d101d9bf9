namespace Scalewise.Core.Formulas;

/// <summary>A formula's value on one tick, or why it has none (<see cref="Why"/>: a metric without data, a division by zero).</summary>
public readonly record struct FormulaValue(double? Value, string? Why)
{
    public static FormulaValue Of(double value) => new(value, null);

    public static FormulaValue None(string why) => new(null, why);
}
