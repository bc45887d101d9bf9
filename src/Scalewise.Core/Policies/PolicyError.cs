namespace Scalewise.Core.Policies;

/// <summary>One thing wrong with a policy: where (a JSON path such as <c>$.rules[1].trigger.threshold</c>), what, and what would be accepted.</summary>
public sealed record PolicyError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
