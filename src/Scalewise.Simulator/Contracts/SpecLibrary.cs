using System.Reflection;

namespace Scalewise.Simulator.Contracts;

/// <summary>
/// The official OpenAPI (Swagger 2.0) definition files embedded in the simulator, keyed by their path in
/// Azure/azure-rest-api-specs (<c>specification/...</c>), with <c>$ref</c> resolution across files.
/// </summary>
internal sealed class SpecLibrary
{
    private static readonly Lazy<SpecLibrary> EmbeddedLibrary = new(() => Load(typeof(SpecLibrary).Assembly));

    private readonly Dictionary<string, JsonObject> documents;

    private SpecLibrary(Dictionary<string, JsonObject> documents) => this.documents = documents;

    public static SpecLibrary Embedded => EmbeddedLibrary.Value;

    public JsonObject Document(string file) =>
        documents.TryGetValue(file, out var document)
            ? document
            : throw new InvalidOperationException($"The definition file '{file}' is not embedded in the simulator.");

    /// <summary>Follows <c>$ref</c> until a node without one; the result is named after the last definition followed.</summary>
    public SpecNode Resolve(SpecNode node)
    {
        var current = node;
        for (var hops = 0; current.Text("$ref") is { } reference; hops++)
        {
            if (hops > 32)
            {
                throw new InvalidOperationException($"The $ref chain from '{node.File}' does not end.");
            }

            current = Follow(current.File, reference);
        }

        return current;
    }

    private SpecNode Follow(string file, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var filePart = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? string.Empty : reference[(hash + 1)..];
        var target = filePart.Length == 0 ? file : Combine(file, filePart);
        JsonNode? node = Document(target);
        string? name = null;
        foreach (var token in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node?[name];
        }

        return node is JsonObject found
            ? new SpecNode(target, found, name)
            : throw new InvalidOperationException($"The $ref '{reference}' in '{file}' points at nothing.");
    }

    private static string Combine(string file, string relative)
    {
        var parts = file.Split('/').SkipLast(1).ToList();
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part.Length > 0 && part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>Builds every node now: a parsed JsonObject fills itself on first read, which is not safe from several requests at once.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }

    private static SpecLibrary Load(Assembly assembly)
    {
        var documents = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("specification", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var document = JsonNode.Parse(stream) as JsonObject
                ?? throw new InvalidOperationException($"The embedded definition '{name}' is not a JSON object.");
            Materialize(document);
            documents[name.Replace('\\', '/')] = document;
        }

        return new SpecLibrary(documents);
    }
}
