namespace Scalewise.Core.Formulas;

/// <summary>
/// Parses the text of a <see cref="MetricFormula"/> into <see cref="FormulaNode"/>s, collecting the metric names in order of
/// first use. Recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*; unary := '-' unary | primary.
/// </summary>
internal sealed class FormulaParser(string text)
{
    private const int MaximumDepth = 32;

    private readonly List<string> names = [];
    private readonly List<int> positions = [];
    private int at;
    private int depth;

    public IReadOnlyList<string> Names => names;

    public IReadOnlyList<int> Positions => positions;

    /// <summary>1-based position of the error being thrown.</summary>
    public int ErrorPosition { get; private set; }

    public FormulaNode ParseAll()
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

    private FormulaNode Sum()
    {
        var node = Product();
        while (Peek() is '+' or '-')
        {
            var op = text[at++];
            node = new FormulaNode.Binary(op, node, Product(), 0);
        }

        return node;
    }

    private FormulaNode Product()
    {
        var node = Unary();
        while (Peek() is '*' or '/')
        {
            var position = at + 1;
            var op = text[at++];
            node = new FormulaNode.Binary(op, node, Unary(), position);
        }

        return node;
    }

    private FormulaNode Unary()
    {
        if (Peek() == '-')
        {
            at++;
            return Nested(() => new FormulaNode.Negation(Unary()));
        }

        return Primary();
    }

    private FormulaNode Primary()
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

            return new FormulaNode.Metric(index);
        }

        throw Error(at, $"expected a number, a metric name, min(...), max(...) or '(', found {Found()}.");
    }

    private FormulaNode.Extreme Function(string name, int start)
    {
        if (!IsFunctionName(name))
        {
            throw Error(start, $"'{name}' is not a function; the functions are min and max.");
        }

        at++;
        var arguments = new List<FormulaNode> { Nested(Sum) };
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

        return new FormulaNode.Extreme(string.Equals(name, "max", StringComparison.OrdinalIgnoreCase), [.. arguments]);
    }

    private FormulaNode.Constant Number()
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

        return new FormulaNode.Constant(value);
    }

    private FormulaNode Nested(Func<FormulaNode> parse)
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
