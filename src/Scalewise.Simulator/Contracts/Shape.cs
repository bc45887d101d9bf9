namespace Scalewise.Simulator.Contracts;

/// <summary>An object schema with its <c>allOf</c> parents merged: every property it allows, the required ones, and what else it takes.</summary>
internal sealed class Shape
{
    private Shape(string name) => Name = name;

    public string Name { get; }

    public Dictionary<string, SpecNode> Properties { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    /// <summary>The schema of properties not named (<c>additionalProperties</c> as a schema).</summary>
    public SpecNode? Additional { get; private set; }

    /// <summary>Takes any property: <c>additionalProperties: true</c>, a free-form object, or a polymorphic base (<c>discriminator</c>).</summary>
    public bool IsOpen { get; private set; }

    public bool IsObject { get; private set; }

    public static Shape Of(SpecLibrary library, SpecNode schema)
    {
        var shape = new Shape(schema.Name ?? "object");
        shape.Merge(library, schema, 0);
        shape.IsOpen |= shape.IsObject && shape.Properties.Count == 0 && shape.Additional is null;
        return shape;
    }

    private void Merge(SpecLibrary library, SpecNode schema, int depth)
    {
        if (depth > 16)
        {
            throw new InvalidOperationException($"The allOf chain of '{Name}' in '{schema.File}' is too deep.");
        }

        IsObject |= schema.Text("type") == "object" || schema.Node["properties"] is JsonObject || schema.Node["allOf"] is JsonArray;
        IsOpen |= schema.Text("discriminator") is not null;
        foreach (var (name, property) in schema.Node["properties"] as JsonObject ?? [])
        {
            if (property is JsonObject node)
            {
                Properties[name] = new SpecNode(schema.File, node);
            }
        }

        foreach (var required in (schema.Node["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>()).OfType<string>())
        {
            Required.Add(required);
        }

        switch (schema.Node["additionalProperties"])
        {
            case JsonObject additional:
                Additional = new SpecNode(schema.File, additional);
                break;
            case JsonValue flag when flag.TryGetValue<bool>(out var allowed) && allowed:
                IsOpen = true;
                break;
        }

        foreach (var parent in (schema.Node["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Merge(library, library.Resolve(new SpecNode(schema.File, parent)), depth + 1);
        }
    }
}
