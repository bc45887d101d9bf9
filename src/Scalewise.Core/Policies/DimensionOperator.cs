namespace Scalewise.Core.Policies;

/// <summary>How a dimension filter matches its values.</summary>
public enum DimensionOperator
{
    Equals,
    NotEquals,
}
