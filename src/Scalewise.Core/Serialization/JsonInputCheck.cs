using System.Text;
using System.Text.Json;

namespace Scalewise.Core.Serialization;

/// <summary>
/// Checks JSON a person sent before it is read into objects, for what is well-formed but cannot be meant: a key given twice
/// in one object (even differing only in case, since the documents are read without regard to case), a string with a lone
/// UTF-16 surrogate escape such as <c>"\ud800"</c>, and nesting deeper than <see cref="MaximumDepth"/>. Malformed JSON is
/// left to the reader that follows, which says where it broke.
/// </summary>
public static class JsonInputCheck
{
    /// <summary>The deepest nesting of objects and arrays accepted (a policy document needs about 8).</summary>
    public const int MaximumDepth = 32;

    /// <summary>The first such problem, with the JSON path of the key or value; null when there is none or the text is not JSON.</summary>
    public static PolicyError? FindProblem(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8;
        try
        {
            utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            return new PolicyError("$", "the text holds a lone UTF-16 surrogate, which is not valid Unicode; remove it or send the character it was meant to be.");
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaximumDepth + 2, CommentHandling = JsonCommentHandling.Disallow });
        var scopes = new Stack<Scope>();
        try
        {
            while (reader.Read())
            {
                if (Step(ref reader, scopes) is { } problem)
                {
                    return problem;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the parser that follows reports it with its line and position.
            return null;
        }

        return null;
    }

    private static PolicyError? Step(ref Utf8JsonReader reader, Stack<Scope> scopes)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var path = ValuePath(scopes);
                if (scopes.Count >= MaximumDepth)
                {
                    return new PolicyError(path, string.Create(CultureInfo.InvariantCulture, $"the document nests objects and arrays deeper than {MaximumDepth} levels; a policy needs far fewer."));
                }

                scopes.Push(new Scope(reader.TokenType == JsonTokenType.StartObject, path));
                return null;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                scopes.Pop();
                return null;
            case JsonTokenType.PropertyName:
                var scope = scopes.Peek();
                return TryRead(ref reader, out var name)
                    ? scope.Key(name)
                    : new PolicyError(scope.Path, "a key holds a lone UTF-16 surrogate escape (such as \\ud800), which is not valid Unicode; send the whole pair or the character itself.");
            case JsonTokenType.String:
                var at = ValuePath(scopes);
                return TryRead(ref reader, out _)
                    ? null
                    : new PolicyError(at, "the string holds a lone UTF-16 surrogate escape (such as \\ud800), which is not valid Unicode; send the whole pair or the character itself.");
            default:
                ValuePath(scopes);
                return null;
        }
    }

    /// <summary>The path of the value the reader is on, counting it in its array.</summary>
    private static string ValuePath(Stack<Scope> scopes) => scopes.TryPeek(out var parent) ? parent.Value() : "$";

    private static bool TryRead(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>One open object (its keys so far) or array (its next index), at <paramref name="path"/>.</summary>
    private sealed class Scope(bool isObject, string path)
    {
        private readonly HashSet<string> keys = new(StringComparer.OrdinalIgnoreCase);
        private string? key;
        private int index = -1;

        public string Path => path;

        public PolicyError? Key(string name)
        {
            key = name;
            return keys.Add(name)
                ? null
                : new PolicyError(path + "." + name, $"the key '{name}' appears more than once in this object (keys are read without regard to case); keep one.");
        }

        public string Value()
        {
            if (isObject)
            {
                return path + "." + key;
            }

            index++;
            return string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
        }
    }
}
