namespace Scalewise.Orchestrations.Api;

/// <summary>
/// Checks an <c>If-Match</c> header before it reaches storage (RFC 9110 §8.8.3): one entity tag, <c>"..."</c> or
/// <c>W/"..."</c> as <c>GET</c> returned it, or <c>*</c>. Table Storage answers anything else with an error of its own.
/// </summary>
public static class EntityTags
{
    /// <summary>An entity tag is far shorter; Table Storage's are about 50 characters.</summary>
    public const int MaximumLength = 256;

    /// <summary>Null when <paramref name="value"/> is absent or one valid entity tag (or <c>*</c>); else a 400 naming <paramref name="header"/>.</summary>
    public static ApiProblem? Problem(string header, string? value)
    {
        if (value is null || IsValid(value.Trim()))
        {
            return null;
        }

        return ApiProblem.Validation(header, $"{header} must be one entity tag as GET returned it in ETag (a quoted string such as W/\"datetime'2026-01-01T00%3A00%3A00Z'\"), or *; got {Shown(value)}.");
    }

    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value == "*")
        {
            return true;
        }

        var tag = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        return tag.Length is >= 2 and <= MaximumLength
            && tag[0] == '"'
            && tag[^1] == '"'
            && tag[1..^1].All(c => c is '!' or (>= '#' and <= '~'));
    }

    private static string Shown(string value) =>
        value.Length > 80 ? $"'{Printable(value[..80])}...' ({value.Length} characters)" : $"'{Printable(value)}'";

    private static string Printable(string text) => new([.. text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
}
