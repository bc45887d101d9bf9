using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Scalewise.Simulator.Wire;

/// <summary>
/// A metrics <c>$filter</c> on dimensions, in Azure Monitor's OData subset: <c>Name eq 'value'</c>, <c>Name ne 'value'</c>,
/// <c>Name eq '*'</c> (every value, one series each), joined by <c>and</c> / <c>or</c> and grouped by parentheses; a quote
/// inside a value is doubled. As Azure Monitor reads it, <c>or</c> joins values of one dimension and binds tighter than
/// <c>and</c>: <c>A eq 'a1' and B eq 'b1' or B eq 'b2'</c> is A = a1 and B in (b1, b2); an <c>or</c> between two
/// dimension names is refused, as Azure Monitor refuses it.
/// </summary>
internal sealed class MetricFilter
{
    private readonly Node root;

    private MetricFilter(Node root, IReadOnlyList<string> dimensionNames)
    {
        this.root = root;
        DimensionNames = dimensionNames;
    }

    /// <summary>The dimensions the filter names, in the order it first names them; each answer's series carries their values.</summary>
    public IReadOnlyList<string> DimensionNames { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out MetricFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        var parser = new Parser(text);
        if (!parser.TryParse(out var root, out error))
        {
            error = $"Invalid $filter '{text}': {error}. Expected e.g. EntityName eq 'orders' or EntityName eq 'payments'.";
            return false;
        }

        filter = new MetricFilter(root, parser.Names);
        return true;
    }

    public bool Matches(ScriptedMetricSeries series) => root.Matches(series);

    private abstract record Node
    {
        public abstract bool Matches(ScriptedMetricSeries series);
    }

    private sealed record Comparison(string Name, bool Equal, string Value) : Node
    {
        public override bool Matches(ScriptedMetricSeries series) =>
            series.DimensionValue(Name) is { } actual
            && (Value == "*" ? Equal : actual.Equals(Value, StringComparison.OrdinalIgnoreCase) == Equal);
    }

    private sealed record Both(Node Left, Node Right) : Node
    {
        public override bool Matches(ScriptedMetricSeries series) => Left.Matches(series) && Right.Matches(series);
    }

    private sealed record Either(Node Left, Node Right) : Node
    {
        public override bool Matches(ScriptedMetricSeries series) => Left.Matches(series) || Right.Matches(series);
    }

    /// <summary>Recursive descent over: or := and ('or' and)*; and := primary ('and' primary)*; primary := '(' or ')' | name ('eq'|'ne') 'value'.</summary>
    private sealed class Parser(string text)
    {
        private int position;

        public List<string> Names { get; } = [];

        public bool TryParse([NotNullWhen(true)] out Node? node, [NotNullWhen(false)] out string? error)
        {
            if (!TryOr(out node, out error))
            {
                return false;
            }

            SkipSpaces();
            if (position < text.Length)
            {
                error = $"unexpected '{text[position..]}'";
                node = null;
                return false;
            }

            return true;
        }

        private delegate bool NodeParser([NotNullWhen(true)] out Node? node, [NotNullWhen(false)] out string? error);

        private bool TryOr([NotNullWhen(true)] out Node? node, [NotNullWhen(false)] out string? error) =>
            TryJoined("and", TryValues, (left, right) => new Both(left, right), out node, out error);

        private bool TryValues([NotNullWhen(true)] out Node? node, [NotNullWhen(false)] out string? error)
        {
            if (!TryJoined("or", TryPrimary, (left, right) => new Either(left, right), out node, out error))
            {
                return false;
            }

            var names = DimensionsOf(node).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (node is Either && names.Count > 1)
            {
                error = $"the logical or operator cannot separate two different dimension names ({string.Join(", ", names)}); join values of one dimension with or and dimensions with and";
                node = null;
                return false;
            }

            return true;
        }

        private static IEnumerable<string> DimensionsOf(Node node) => node switch
        {
            Comparison comparison => [comparison.Name],
            Either either => DimensionsOf(either.Left).Concat(DimensionsOf(either.Right)),
            _ => [],
        };

        /// <summary>operand (keyword operand)*, joined left to right.</summary>
        private bool TryJoined(string keyword, NodeParser operand, Func<Node, Node, Node> join, [NotNullWhen(true)] out Node? node, [NotNullWhen(false)] out string? error)
        {
            if (!operand(out node, out error))
            {
                return false;
            }

            while (TryKeyword(keyword))
            {
                if (!operand(out var right, out error))
                {
                    node = null;
                    return false;
                }

                node = join(node, right);
            }

            return true;
        }

        private bool TryPrimary([NotNullWhen(true)] out Node? node, [NotNullWhen(false)] out string? error)
        {
            node = null;
            SkipSpaces();
            if (position < text.Length && text[position] == '(')
            {
                position++;
                if (!TryOr(out node, out error))
                {
                    return false;
                }

                SkipSpaces();
                if (position >= text.Length || text[position] != ')')
                {
                    error = "a '(' is not closed";
                    node = null;
                    return false;
                }

                position++;
                return true;
            }

            var name = Word();
            if (name.Length == 0)
            {
                error = position < text.Length ? $"expected a dimension name at '{text[position..]}'" : "expected a dimension name";
                return false;
            }

            var comparison = Word();
            if (!comparison.Equals("eq", StringComparison.OrdinalIgnoreCase) && !comparison.Equals("ne", StringComparison.OrdinalIgnoreCase))
            {
                error = $"expected eq or ne after '{name}', not '{comparison}'";
                return false;
            }

            if (!TryQuoted(out var value))
            {
                error = $"expected a quoted value after '{name} {comparison}'";
                return false;
            }

            if (!Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                Names.Add(name);
            }

            node = new Comparison(name, comparison.Equals("eq", StringComparison.OrdinalIgnoreCase), value);
            error = null;
            return true;
        }

        private bool TryKeyword(string keyword)
        {
            var before = position;
            if (Word().Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            position = before;
            return false;
        }

        private string Word()
        {
            SkipSpaces();
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '.' or '-' or '/'))
            {
                position++;
            }

            return text[start..position];
        }

        private bool TryQuoted([NotNullWhen(true)] out string? value)
        {
            value = null;
            SkipSpaces();
            if (position >= text.Length || text[position] != '\'')
            {
                return false;
            }

            var builder = new StringBuilder();
            for (position++; position < text.Length; position++)
            {
                if (text[position] != '\'')
                {
                    builder.Append(text[position]);
                }
                else if (position + 1 < text.Length && text[position + 1] == '\'')
                {
                    builder.Append('\'');
                    position++;
                }
                else
                {
                    position++;
                    value = builder.ToString();
                    return true;
                }
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }
    }
}
