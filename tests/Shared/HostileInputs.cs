using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Scalewise.Tests;

/// <summary>
/// Generators for the property-based input tests (issue 20): policy documents that are valid (the examples), nearly valid
/// (one value changed) or hostile (wrong types, huge and non-finite numbers, deep nesting, long strings, control characters,
/// bad durations, cron, time zones and formulas, duplicate keys in any case, lone surrogate escapes, truncation), and the
/// ids, headers and bodies the HTTP API takes. <see cref="Cases"/> reads <c>SCALEWISE_PROPERTY_CASES</c> for the long run.
/// </summary>
internal static class HostileInputs
{
    public const string CasesVariable = "SCALEWISE_PROPERTY_CASES";

    private static readonly string[] Durations =
        ["PT5M", "PT0S", "PT1M", "P1D", "PT-5M", "-PT5M", "P99999999999D", "PT9999999999999H", "P10675199DT2H48M5.4775808S", "P1Y", "P1M", "PT0.0000001S", "5 minutes", "00:05:00", "PT", "P", ""];

    private static readonly string[] CronExpressions =
        ["0 */5 * * * *", "*/5 * * * *", "0 0 9 * * MON-FRI", "61 * * * * *", "* * * * * * * *", "0 0 31 2 * *", "@hourly", "", "0 0 9 ? * L"];

    private static readonly string[] TimeZones =
        ["UTC", "Europe/Paris", "W. Europe Standard Time", "Mars/Olympus_Mons", "+05:00", "", "../../etc/passwd", "America/Argentina/ComodRivadavia"];

    private static readonly string[] Formulas =
        ["cpu", "cpu / requests * 100", "max(cpu, mem)", "((((((((((((((((((((((((((((((((((cpu))))))))))))))))))))))))))))))))))", "1/0", "cpu +", "unknown(cpu)", "cpu ** 2", "9e999 * cpu", "cpu / 0", "", "🙂"];

    private static readonly string[] NumberTokens =
        ["0", "-1", "1", "70", "1000", "1001", "2147483647", "2147483648", "-2147483649", "9007199254740993", "1e308", "-1e308", "1e400", "-1e400", "1e-400", "0.1", "-0", "1.5", "123456789012345678901234567890"];

    private static readonly string[] OtherTokens =
        ["true", "false", "null", "[]", "{}", "[1, \"a\", null]", "{\"a\": 1}", "\"\"", "\"\\u0000\\u0001\\t\\n\"", "\"\\ud800\"", "\"\\udfff\"", "\"\\ud83d\\ude80\"", "\"line\\nbreak\"", "\"'; DROP TABLE policies; --\""];

    /// <summary>How many cases a property runs: <paramref name="inContinuousIntegration"/>, or the <c>SCALEWISE_PROPERTY_CASES</c> value.</summary>
    public static int Cases(int inContinuousIntegration) =>
        int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) && cases > 0
            ? cases
            : inContinuousIntegration;

    /// <summary>The example policies, the valid starting points of every generated document.</summary>
    public static IReadOnlyList<string> Examples { get; } =
        [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "examples", "policies"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>A raw JSON value token: numbers, strings of every hostile kind, wrong types, deep nesting.</summary>
    public static Gen<string> ValueToken { get; } = Gen.Frequency(
        (3, Gen.OneOf(NumberTokens)),
        (3, Gen.OneOf(OtherTokens)),
        (2, Gen.OneOf(Durations).Select(Quote)),
        (1, Gen.OneOf(CronExpressions).Select(Quote)),
        (1, Gen.OneOf(TimeZones).Select(Quote)),
        (2, Gen.OneOf(Formulas).Select(Quote)),
        (1, Gen.Int[1, 200].Select(depth => new string('[', depth) + new string(']', depth))),
        (1, Gen.Int[1, 70_000].Select(length => Quote(new string('x', length)))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999")),
        (2, Gen.String[Gen.Char[(char)0, (char)0x2FF], 0, 40].Select(Quote)));

    /// <summary>Where (a node index), what (replace, remove, repeat the key, add a key) and with which value.</summary>
    private static Gen<(int Where, int Kind, string Token, bool OtherCase)> Mutation { get; } =
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 4], ValueToken, Gen.Bool);

    /// <summary>A policy document: an example as is, or with one to three mutations, or cut short.</summary>
    public static Gen<string> PolicyDocument { get; } = Gen.Frequency(
        (1, Gen.OneOf([.. Examples])),
        (12, Gen.Select(Gen.OneOf([.. Examples]), Mutation.Array[1, 3], Apply)),
        (1, Gen.Select(Gen.OneOf([.. Examples]), Gen.Double.Unit, (text, at) => text[..(int)(text.Length * at)])),
        (1, ValueToken));

    /// <summary>Route values: valid ids, ids no policy can have, and hostile text.</summary>
    public static Gen<string> RouteId { get; } = Gen.Frequency(
        (4, Gen.Int[0, 5].Select(i => $"prop-{i}")),
        (1, Gen.OneOf("UPPER", "with space", "a/b", "trailing\n", "..", new string('a', 64), new string('a', 2_000), "\ud800", "%00", "scale-prop-1", "\u0000")),
        (1, Gen.String[Gen.Char[(char)0, (char)0x7F], 1, 80]));

    /// <summary>If-Match / If-None-Match values, absent (null) most of the time.</summary>
    public static Gen<string?> EntityTagHeader { get; } = Gen.Frequency(
        (4, Gen.Const((string?)null)),
        (1, Gen.OneOf<string?>("*", "\"abc\"", "W/\"datetime'2026-01-01T00%3A00%3A00Z'\"", "abc", "\"unterminated", "W/abc", "\"a\", \"b\"", "\"\"", "\"\u0001\"", "**", new string('"', 3))),
        (1, Gen.String[Gen.Char[(char)0x20, (char)0x7E], 0, 300].Select(s => (string?)s)));

    /// <summary>Content-Type values; the API reads the body whatever it says.</summary>
    public static Gen<string?> ContentType { get; } = Gen.OneOf<string?>(null, "application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-7777", "");

    /// <summary>Bodies of POST /scale and /approve: valid ones, odd ones and any JSON value.</summary>
    public static Gen<string> CommandBody { get; } = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf("capacity", "sku", "reason", "requestedBy", "by", "comment", "Capacity", "", "size"), ValueToken, Gen.Bool, (key, value, twice) =>
            twice ? $"{{\"{key}\": {value}, \"{key.ToUpperInvariant()}\": {value}}}" : $"{{\"{key}\": {value}}}")),
        (2, Gen.Int[-5, 20].Select(c => $"{{\"capacity\": {c.ToString(CultureInfo.InvariantCulture)}, \"reason\": \"generated\"}}")),
        (1, Gen.OneOf("{\"by\": \"alice@contoso.com\", \"comment\": \"ok\"}", "{\"sku\": \"Standard_D4s_v3\"}", "", "null", "[]", "{", "{\"capacity\": 3, \"sku\": \"x\"}")),
        (1, ValueToken));

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\ud800' and <= '\udfff') => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Applies mutations to the document's tree: each picks a node (by index over every value) and replaces it, removes it,
    /// gives its object an unknown key, or repeats its key (in the same or another case). Placeholders carry the raw tokens,
    /// which JsonNode could not hold (lone surrogates, duplicate keys, numbers out of range), into the text.
    /// </summary>
    private static string Apply(string example, (int Where, int Kind, string Token, bool OtherCase)[] mutations)
    {
        var root = JsonNode.Parse(example)!;
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < mutations.Length; i++)
        {
            var (where, kind, token, otherCase) = mutations[i];
            var nodes = Walk(root).ToList();
            if (nodes.Count == 0)
            {
                return token;
            }

            var (parent, key, _) = nodes[where % nodes.Count];
            var placeholder = $"@@raw{i}@@";
            raw[Quote(placeholder)] = token;
            switch (parent, kind)
            {
                case (JsonObject obj, 0 or 1):
                    obj[key!] = placeholder;
                    break;
                case (JsonObject obj, 2):
                    obj.Remove(key!);
                    break;
                case (JsonObject obj, 3):
                    obj[$"@@key{i}@@"] = placeholder;
                    raw[Quote($"@@key{i}@@")] = Quote(otherCase ? key!.ToUpperInvariant() : key!);
                    break;
                case (JsonObject obj, _):
                    obj["unknownField" + i.ToString(CultureInfo.InvariantCulture)] = placeholder;
                    break;
                case (JsonArray array, _):
                    array[int.Parse(key!, CultureInfo.InvariantCulture)] = placeholder;
                    break;
                default:
                    return token;
            }
        }

        var text = root.ToJsonString();
        foreach (var (placeholder, token) in raw)
        {
            text = text.Replace(placeholder, token, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every value under the root with its parent and key (array index as text); the root itself has no parent.</summary>
    private static IEnumerable<(JsonNode? Parent, string? Key, JsonNode? Node)> Walk(JsonNode root)
    {
        var pending = new Stack<(JsonNode? Parent, string? Key, JsonNode? Node)>();
        pending.Push((null, null, root));
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (item.Parent is not null)
            {
                yield return item;
            }

            switch (item.Node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj.ToList())
                    {
                        pending.Push((obj, name, child));
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        pending.Push((array, i.ToString(CultureInfo.InvariantCulture), array[i]));
                    }

                    break;
            }
        }
    }
}
