using System.Runtime.CompilerServices;

namespace Scalewise.Core.Formulas;

/// <summary>
/// A rule's formula over named metrics, parsed once: numbers, names of the policy's named metrics, <c>+ - * /</c>, unary minus,
/// parentheses, and <c>min(a, b, ...)</c> / <c>max(a, b, ...)</c>. Names are case-insensitive; <see cref="Names"/> lists them
/// in order of first use, and <see cref="Evaluate"/> takes their values in that order.
/// </summary>
/// <remarks>
/// A formula has no value when a metric it names has no data, when it divides by zero, or when the result is not a finite
/// number; <see cref="FormulaValue.Why"/> then says which. Evaluation does not allocate.
/// </remarks>
public sealed class MetricFormula
{
    /// <summary>The longest formula accepted; a formula is a short expression, not a program.</summary>
    public const int MaximumLength = 500;

    // Policies are evaluated every tick with the same formula strings; each is parsed once.
    private static readonly ConditionalWeakTable<string, MetricFormula> Parsed = [];

    private readonly FormulaNode root;

    private readonly IReadOnlyList<int> positions;

    private MetricFormula(string text, FormulaNode root, IReadOnlyList<string> names, IReadOnlyList<int> positions)
    {
        Text = text;
        this.root = root;
        Names = names;
        this.positions = positions;
    }

    public string Text { get; }

    /// <summary>The metric names the formula reads, in order of first use (as first written).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The 1-based position in <see cref="Text"/> where <see cref="Names"/>[<paramref name="index"/>] is first used.</summary>
    public int PositionOf(int index) => positions[index];

    /// <summary>The formula parsed, or the first thing wrong with it.</summary>
    public static (MetricFormula? Formula, FormulaError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Parsed.TryGetValue(text, out var known))
        {
            return (known, null);
        }

        if (text.Length > MaximumLength)
        {
            return (null, new FormulaError(MaximumLength + 1, string.Create(CultureInfo.InvariantCulture, $"the formula has {text.Length} characters; use at most {MaximumLength}.")));
        }

        var parser = new FormulaParser(text);
        try
        {
            var formula = new MetricFormula(text, parser.ParseAll(), parser.Names, parser.Positions);
            Parsed.AddOrUpdate(text, formula);
            return (formula, null);
        }
        catch (FormatException ex)
        {
            return (null, new FormulaError(parser.ErrorPosition, ex.Message));
        }
    }

    /// <summary>The parsed formula for text that <see cref="Parse"/> accepted (validation parses every policy's formulas first).</summary>
    /// <exception cref="ArgumentException">The text is not a valid formula.</exception>
    public static MetricFormula For(string text)
    {
        var (formula, error) = Parse(text);
        return formula ?? throw new ArgumentException($"'{text}' is not a valid formula: {error}", nameof(text));
    }

    /// <summary>The formula's value with <paramref name="values"/>[i] the value of <see cref="Names"/>[i] (null: no data).</summary>
    public FormulaValue Evaluate(ReadOnlySpan<double?> values)
    {
        if (values.Length != Names.Count)
        {
            throw new ArgumentException($"the formula reads {Names.Count} metrics; {values.Length} values were given.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                return FormulaValue.None($"no data for '{Names[i]}'");
            }
        }

        var failure = FormulaFailure.None;
        var position = 0;
        var value = root.Evaluate(values, ref failure, ref position);
        return failure switch
        {
            FormulaFailure.DivisionByZero => FormulaValue.None(string.Create(CultureInfo.InvariantCulture, $"division by zero at position {position}")),
            _ when !double.IsFinite(value) => FormulaValue.None("the result is not a finite number"),
            _ => FormulaValue.Of(value),
        };
    }

    public override string ToString() => Text;
}
