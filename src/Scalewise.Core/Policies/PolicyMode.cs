namespace Scalewise.Core.Policies;

/// <summary>Whether a policy acts on its decisions or only records them.</summary>
public enum PolicyMode
{
    Active,
    Observe,
}
