using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scalewise.Tests;

namespace Scalewise.Azure.Tests.Contracts;

/// <summary>One operation of an official OpenAPI definition in <c>tests/contracts/azure/specs</c>, and checks of a request against it.</summary>
internal sealed class OperationDefinition
{
    private readonly string file;
    private readonly string pathTemplate;
    private readonly JsonObject operation;

    private OperationDefinition(string file, string method, string pathTemplate, JsonObject operation, string apiVersion)
    {
        this.file = file;
        Method = method;
        this.pathTemplate = pathTemplate;
        this.operation = operation;
        ApiVersion = apiVersion;
    }

    public string Method { get; }

    public string ApiVersion { get; }

    /// <summary>The status codes the definition allows for this operation (besides <c>default</c>).</summary>
    public IReadOnlyList<int> Statuses => [.. operation["responses"]!.AsObject().Select(r => r.Key).Where(k => k != "default").Select(int.Parse)];

    public static OperationDefinition Load(string specPath, string operationId)
    {
        var file = Path.Combine(RepositoryFiles.AzureSpecs, specPath);
        var spec = JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                if (op is JsonObject o && (string?)o["operationId"] == operationId)
                {
                    return new OperationDefinition(file, method.ToUpperInvariant(), path, o, (string)spec["info"]!["version"]!);
                }
            }
        }

        throw new InvalidOperationException($"{specPath} has no operation {operationId}.");
    }

    /// <summary>The method, the path against the template, the api-version, and every property the body sends exists in the body's schema.</summary>
    public void AssertAccepts(string method, Uri uri, string? body)
    {
        Assert.Equal(Method, method, ignoreCase: true);
        // A path parameter marked x-ms-skip-url-encoding (Monitor's {resourceUri}) is a whole resource id, slashes included.
        var spanning = operation["parameters"]!.AsArray().Select(p => Resolve(p!.AsObject(), file).Node)
            .Where(p => (string?)p["in"] == "path" && p["x-ms-skip-url-encoding"]?.GetValue<bool>() == true)
            .Select(p => (string)p["name"]!)
            .ToHashSet(StringComparer.Ordinal);
        var pattern = "^" + Regex.Replace(Regex.Escape(pathTemplate), @"\\\{([^}]+)}", m => spanning.Contains(m.Groups[1].Value) ? ".+" : "[^/]+") + "$";
        Assert.Matches(new Regex(pattern, RegexOptions.IgnoreCase), Uri.UnescapeDataString(uri.AbsolutePath));
        Assert.Equal(ApiVersion, System.Web.HttpUtility.ParseQueryString(uri.Query)["api-version"]);
        if (string.IsNullOrEmpty(body))
        {
            return;
        }

        var parameter = operation["parameters"]!.AsArray().Select(p => Resolve(p!.AsObject(), file).Node).First(p => (string?)p["in"] == "body");
        var unknown = new List<string>();
        Walk(JsonNode.Parse(body), parameter["schema"]!.AsObject(), file, "$", unknown);
        Assert.True(unknown.Count == 0, $"{Method} {pathTemplate} sends properties its definition does not have: {string.Join(", ", unknown)}");
    }

    private static void Walk(JsonNode? node, JsonObject schema, string file, string path, List<string> unknown)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        var properties = Properties(schema, file);
        var (resolved, _) = Resolve(schema, file);
        foreach (var (name, value) in obj)
        {
            if (!properties.TryGetValue(name, out var property) && (resolved["additionalProperties"] is JsonObject || resolved["additionalProperties"]?.GetValueKind() == System.Text.Json.JsonValueKind.True))
            {
                // A map (tags): any key is the definition's.
                continue;
            }

            if (property.Schema is null)
            {
                unknown.Add(path + "." + name);
                continue;
            }

            Walk(value, property.Schema, property.File, path + "." + name, unknown);
        }
    }

    /// <summary>Properties of a schema, through <c>$ref</c> (also to other files) and <c>allOf</c>.</summary>
    private static Dictionary<string, (JsonObject Schema, string File)> Properties(JsonObject schema, string file)
    {
        var (resolved, at) = Resolve(schema, file);
        var result = new Dictionary<string, (JsonObject, string)>(StringComparer.Ordinal);
        foreach (var part in resolved["allOf"]?.AsArray() ?? [])
        {
            foreach (var (name, inner) in Properties(part!.AsObject(), at))
            {
                result[name] = inner;
            }
        }

        foreach (var (name, property) in resolved["properties"]?.AsObject() ?? [])
        {
            result[name] = (property!.AsObject(), at);
        }

        return result;
    }

    private static (JsonObject Node, string File) Resolve(JsonObject schema, string file)
    {
        while (schema["$ref"] is JsonValue reference)
        {
            var text = (string)reference!;
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var target = hash == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, text[..hash]));
            JsonNode current = JsonNode.Parse(File.ReadAllText(target))!;
            foreach (var segment in text[(hash + 2)..].Split('/'))
            {
                current = current[segment.Replace("~1", "/", StringComparison.Ordinal)]!;
            }

            (schema, file) = (current.AsObject(), target);
        }

        return (schema, file);
    }
}
