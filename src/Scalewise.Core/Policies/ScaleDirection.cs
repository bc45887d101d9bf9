namespace Scalewise.Core.Policies;

/// <summary>Which way a rule or a decision moves capacity.</summary>
public enum ScaleDirection
{
    None,
    Increase,
    Decrease,
}
