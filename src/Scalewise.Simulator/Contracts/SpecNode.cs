namespace Scalewise.Simulator.Contracts;

/// <summary>A node of a definition file, the file it is in (so its relative <c>$ref</c>s resolve) and the definition name it was reached by.</summary>
internal readonly record struct SpecNode(string File, JsonObject Node, string? Name = null)
{
    public string? Text(string key) => Node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public bool Flag(string key) => Node[key] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public SpecNode? Child(string key) => Node[key] is JsonObject child ? new SpecNode(File, child) : null;
}
