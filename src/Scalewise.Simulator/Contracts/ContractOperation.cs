namespace Scalewise.Simulator.Contracts;

/// <summary>One operation of a definition file: method, path template, the file's api-version and its parameters (resolved).</summary>
internal sealed record ContractOperation(
    string OperationId,
    string Method,
    string Template,
    string ApiVersion,
    string File,
    IReadOnlyList<SpecNode> Parameters)
{
    public string[] Segments { get; } = Template.Trim('/').Split('/');

    /// <summary>Path parameters that take several segments (<c>x-ms-skip-url-encoding</c>, as <c>{resourceUri}</c>).</summary>
    public bool IsGreedy(string parameter) =>
        Parameters.Any(p => p.Text("in") == "path" && p.Text("name") == parameter && p.Flag("x-ms-skip-url-encoding"));

    /// <summary>The path parameter values when <paramref name="path"/> fits the template; null otherwise.</summary>
    public Dictionary<string, string>? MatchPath(string[] path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        return Match(path, 0, 0, values) ? values : null;
    }

    private bool Match(string[] path, int p, int t, Dictionary<string, string> values)
    {
        if (t == Segments.Length)
        {
            return p == path.Length;
        }

        if (p == path.Length)
        {
            return false;
        }

        var segment = Segments[t];
        if (!(segment.StartsWith('{') && segment.EndsWith('}')))
        {
            return segment.Equals(path[p], StringComparison.OrdinalIgnoreCase) && Match(path, p + 1, t + 1, values);
        }

        var name = segment[1..^1];
        var longest = IsGreedy(name) ? path.Length - p - (Segments.Length - t - 1) : 1;
        for (var take = 1; take <= longest; take++)
        {
            values[name] = string.Join('/', path, p, take);
            if (Match(path, p + take, t + 1, values))
            {
                return true;
            }
        }

        values.Remove(name);
        return false;
    }
}
