namespace Scalewise.Core.Policies;

/// <summary>The comparison a rule applies between the observed metric value and its threshold.</summary>
public enum ComparisonOperator
{
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Equals,
    NotEquals,
}
