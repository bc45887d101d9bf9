using System.Globalization;
using System.Runtime.CompilerServices;

namespace Scalewise.Core.Decisions;

/// <summary>
/// Builds a reason from an interpolated string in the invariant culture, as <see cref="FormattableString.Invariant"/>
/// would, but in a pooled buffer: holes are formatted in place (no boxing, no argument array), and an
/// <see cref="IReasonPart"/> hole writes itself, so a sentence made of parts allocates only the final string.
/// </summary>
/// <remarks>Decisions are made every tick for every target; their text used to cost more than the decision itself.</remarks>
[InterpolatedStringHandler]
internal ref struct ReasonText
{
    private DefaultInterpolatedStringHandler inner;

    public ReasonText(int literalLength, int formattedCount) =>
        inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string value) => inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value)
    {
        // For a value type the JIT resolves the test and the call at compile time, without boxing.
        if (value is IReasonPart)
        {
            ((IReasonPart)value).AppendTo(ref this);
            return;
        }

        inner.AppendFormatted(value);
    }

    public void AppendFormatted<T>(T value, string? format) => inner.AppendFormatted(value, format);

    public void AppendFormatted<T>(T value, int alignment) => inner.AppendFormatted(value, alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) => inner.AppendFormatted(value, alignment, format);

    public void AppendFormatted(scoped ReadOnlySpan<char> value) => inner.AppendFormatted(value);

    public void AppendFormatted(scoped ReadOnlySpan<char> value, int alignment = 0, string? format = null) => inner.AppendFormatted(value, alignment, format);

    public void AppendFormatted(string? value) => inner.AppendFormatted(value);

    public void AppendFormatted(string? value, int alignment = 0, string? format = null) => inner.AppendFormatted(value, alignment, format);

    public void AppendFormatted(object? value, int alignment = 0, string? format = null) => inner.AppendFormatted(value, alignment, format);

    /// <summary>Appends a nested interpolation (a part's sentence), built in its own pooled buffer, which is then returned.</summary>
    public void Append(ref ReasonText nested)
    {
        inner.AppendFormatted(nested.inner.Text);
        nested.inner.Clear();
    }

    public string ToStringAndClear() => inner.ToStringAndClear();
}
