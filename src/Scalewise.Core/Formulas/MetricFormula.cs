using System.Globalization;
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

    private const int MaximumDepth = 32;

    // Policies are evaluated every tick with the same formula strings; each is parsed once.
    private static readonly ConditionalWeakTable<string, MetricFormula> Parsed = [];

    private readonly Node root;

    private readonly IReadOnlyList<int> positions;

    private MetricFormula(string text, Node root, IReadOnlyList<string> names, IReadOnlyList<int> positions)
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

        var parser = new Parser(text);
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

        var failure = Failure.None;
        var position = 0;
        var value = root.Evaluate(values, ref failure, ref position);
        return failure switch
        {
            Failure.DivisionByZero => FormulaValue.None(string.Create(CultureInfo.InvariantCulture, $"division by zero at position {position}")),
            _ when !double.IsFinite(value) => FormulaValue.None("the result is not a finite number"),
            _ => FormulaValue.Of(value),
        };
    }

    public override string ToString() => Text;

    private enum Failure
    {
        None,
        DivisionByZero,
    }

    private abstract class Node
    {
        public abstract double Evaluate(ReadOnlySpan<double?> values, ref Failure failure, ref int position);
    }

    private sealed class Constant(double value) : Node
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref Failure failure, ref int position) => value;
    }

    private sealed class Metric(int index) : Node
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref Failure failure, ref int position) => values[index]!.Value;
    }

    private sealed class Negation(Node operand) : Node
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref Failure failure, ref int position) => -operand.Evaluate(values, ref failure, ref position);
    }

    private sealed class Binary(char op, Node left, Node right, int at) : Node
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref Failure failure, ref int position)
        {
            var a = left.Evaluate(values, ref failure, ref position);
            var b = right.Evaluate(values, ref failure, ref position);
            if (failure != Failure.None)
            {
                return double.NaN;
            }

            switch (op)
            {
                case '+':
                    return a + b;
                case '-':
                    return a - b;
                case '*':
                    return a * b;
                default:
                    if (b == 0)
                    {
                        failure = Failure.DivisionByZero;
                        position = at;
                        return double.NaN;
                    }

                    return a / b;
            }
        }
    }

    private sealed class Extreme(bool max, Node[] arguments) : Node
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref Failure failure, ref int position)
        {
            var result = arguments[0].Evaluate(values, ref failure, ref position);
            for (var i = 1; i < arguments.Length; i++)
            {
                var next = arguments[i].Evaluate(values, ref failure, ref position);
                result = max ? Math.Max(result, next) : Math.Min(result, next);
            }

            return result;
        }
    }

    /// <summary>Recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*; unary := '-' unary | primary.</summary>
    private sealed class Parser(string text)
    {
        private readonly List<string> names = [];
        private readonly List<int> positions = [];
        private int at;
        private int depth;

        public IReadOnlyList<string> Names => names;

        public IReadOnlyList<int> Positions => positions;

        /// <summary>1-based position of the error being thrown.</summary>
        public int ErrorPosition { get; private set; }

        public Node ParseAll()
        {
            SkipSpace();
            if (at >= text.Length)
            {
                throw Error(at, "the formula is empty; write an expression over named metrics, such as \"max(cpu, memory)\" or \"requests / connections\".");
            }

            var node = Sum();
            SkipSpace();
            if (at < text.Length)
            {
                throw Error(at, $"unexpected {Found()}; expected an operator (+ - * /) or the end of the formula.");
            }

            return node;
        }

        private Node Sum()
        {
            var node = Product();
            while (Peek() is '+' or '-')
            {
                var op = text[at++];
                node = new Binary(op, node, Product(), 0);
            }

            return node;
        }

        private Node Product()
        {
            var node = Unary();
            while (Peek() is '*' or '/')
            {
                var position = at + 1;
                var op = text[at++];
                node = new Binary(op, node, Unary(), position);
            }

            return node;
        }

        private Node Unary()
        {
            if (Peek() == '-')
            {
                at++;
                return Nested(() => new Negation(Unary()));
            }

            return Primary();
        }

        private Node Primary()
        {
            var c = Peek();
            if (c == '(')
            {
                var open = at;
                at++;
                var inner = Nested(Sum);
                if (Peek() != ')')
                {
                    throw Error(at, $"expected ')' to close the '(' at position {open + 1}, found {Found()}.");
                }

                at++;
                return inner;
            }

            if (char.IsAsciiDigit(c) || c == '.')
            {
                return Number();
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = at;
                while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] == '_'))
                {
                    at++;
                }

                var name = text[start..at];
                if (Peek() == '(')
                {
                    return Function(name, start);
                }

                if (IsFunctionName(name))
                {
                    throw Error(start, $"'{name}' is a function; call it with arguments in parentheses, such as {name.ToLowerInvariant()}(cpu, memory).");
                }

                var index = names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    names.Add(name);
                    positions.Add(start + 1);
                    index = names.Count - 1;
                }

                return new Metric(index);
            }

            throw Error(at, $"expected a number, a metric name, min(...), max(...) or '(', found {Found()}.");
        }

        private Extreme Function(string name, int start)
        {
            if (!IsFunctionName(name))
            {
                throw Error(start, $"'{name}' is not a function; the functions are min and max.");
            }

            at++;
            var arguments = new List<Node> { Nested(Sum) };
            while (Peek() == ',')
            {
                at++;
                arguments.Add(Nested(Sum));
            }

            if (Peek() != ')')
            {
                throw Error(at, $"expected ',' or ')' in {name.ToLowerInvariant()}(...), found {Found()}.");
            }

            at++;
            if (arguments.Count < 2)
            {
                throw Error(start, $"{name.ToLowerInvariant()}(...) needs at least two arguments, such as {name.ToLowerInvariant()}(cpu, memory).");
            }

            return new Extreme(string.Equals(name, "max", StringComparison.OrdinalIgnoreCase), [.. arguments]);
        }

        private Constant Number()
        {
            var start = at;
            while (at < text.Length && (char.IsAsciiDigit(text[at]) || text[at] == '.'))
            {
                at++;
            }

            if (at < text.Length && (text[at] is 'e' or 'E'))
            {
                at++;
                if (at < text.Length && (text[at] is '+' or '-'))
                {
                    at++;
                }

                while (at < text.Length && char.IsAsciiDigit(text[at]))
                {
                    at++;
                }
            }

            var literal = text[start..at];
            if (!double.TryParse(literal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Error(start, $"'{literal}' is not a number; write numbers such as 80, 0.5 or 1e3.");
            }

            return new Constant(value);
        }

        private Node Nested(Func<Node> parse)
        {
            if (++depth > MaximumDepth)
            {
                throw Error(at, $"the formula nests more than {MaximumDepth} levels deep; simplify it.");
            }

            var node = parse();
            depth--;
            return node;
        }

        private char Peek()
        {
            SkipSpace();
            return at < text.Length ? text[at] : '\0';
        }

        private void SkipSpace()
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }
        }

        private string Found() => at >= text.Length ? "the end of the formula" : $"'{text[at]}'";

        private FormatException Error(int index, string message)
        {
            ErrorPosition = index + 1;
            return new FormatException(message);
        }

        private static bool IsFunctionName(string name) =>
            string.Equals(name, "min", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "max", StringComparison.OrdinalIgnoreCase);
    }
}
