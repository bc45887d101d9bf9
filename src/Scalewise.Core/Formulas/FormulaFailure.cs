namespace Scalewise.Core.Formulas;

/// <summary>Why evaluating a formula gave no number (recorded by the node that failed).</summary>
internal enum FormulaFailure
{
    None,
    DivisionByZero,
}
