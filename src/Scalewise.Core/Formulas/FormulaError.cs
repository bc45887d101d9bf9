namespace Scalewise.Core.Formulas;

/// <summary>Why a formula does not parse: the 1-based character <see cref="Position"/> in the formula and what was expected there.</summary>
public sealed record FormulaError(int Position, string Message)
{
    public override string ToString() => $"at position {Position}: {Message}";
}
