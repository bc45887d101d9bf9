using System.Runtime.CompilerServices;

namespace Scalewise.Core.Decisions;

/// <summary>
/// Builds a reason from an interpolated string in the invariant culture, as <see cref="FormattableString.Invariant"/>
/// would, but in a pooled buffer: holes are formatted in place (no boxing, no argument array), and an
/// <see cref="IReasonPart"/> hole writes itself, so a sentence made of parts allocates only the final string.
/// </summary>
/// <remarks>
/// Decisions are made every tick for every target; their text used to cost more than the decision itself. The buffer is
/// this thread's, one per nesting level (a part may build its sentence inside the reason), so building takes no
/// synchronization; a reason longer than the buffer grows into a pooled array, as the default handler does.
/// </remarks>
[InterpolatedStringHandler]
internal ref struct ReasonText
{
    private const int BufferLength = 512;

    [ThreadStatic]
    private static char[]?[]? buffers;

    [ThreadStatic]
    private static int depth;

    private readonly int level;
    private DefaultInterpolatedStringHandler inner;

    public ReasonText(int literalLength, int formattedCount)
    {
        var own = buffers ??= new char[]?[4];
        level = depth;
        if (level < own.Length)
        {
            depth = level + 1;
            inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture, own[level] ??= new char[BufferLength]);
        }
        else
        {
            // Deeper than any reason nests (or a text abandoned by an exception kept its level): a pooled buffer.
            level = -1;
            inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);
        }
    }

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
        nested.Release();
    }

    public string ToStringAndClear()
    {
        var text = inner.ToStringAndClear();
        Release();
        return text;
    }

    /// <summary>Gives this level's buffer back to the thread (texts are built and finished innermost first).</summary>
    private readonly void Release()
    {
        if (level >= 0)
        {
            depth = level;
        }
    }
}
