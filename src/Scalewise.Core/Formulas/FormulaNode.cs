namespace Scalewise.Core.Formulas;

/// <summary>
/// One node of a parsed <see cref="MetricFormula"/>: a number, a metric, a negation, a binary operator or min/max. Evaluating
/// reads the metric values by index and does not allocate; a failure is recorded in <c>failure</c> with its
/// <c>position</c> instead of thrown.
/// </summary>
internal abstract class FormulaNode
{
    public abstract double Evaluate(ReadOnlySpan<double?> values, ref FormulaFailure failure, ref int position);

    internal sealed class Constant(double value) : FormulaNode
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref FormulaFailure failure, ref int position) => value;
    }

    internal sealed class Metric(int index) : FormulaNode
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref FormulaFailure failure, ref int position) => values[index]!.Value;
    }

    internal sealed class Negation(FormulaNode operand) : FormulaNode
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref FormulaFailure failure, ref int position) => -operand.Evaluate(values, ref failure, ref position);
    }

    internal sealed class Binary(char op, FormulaNode left, FormulaNode right, int at) : FormulaNode
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref FormulaFailure failure, ref int position)
        {
            var a = left.Evaluate(values, ref failure, ref position);
            var b = right.Evaluate(values, ref failure, ref position);
            if (failure != FormulaFailure.None)
            {
                return double.NaN;
            }

            switch (op)
            {
                case '+':
                    return a + b;
                case '-':
                    return a - b;
                case '*':
                    return a * b;
                default:
                    if (b == 0)
                    {
                        failure = FormulaFailure.DivisionByZero;
                        position = at;
                        return double.NaN;
                    }

                    return a / b;
            }
        }
    }

    internal sealed class Extreme(bool max, FormulaNode[] arguments) : FormulaNode
    {
        public override double Evaluate(ReadOnlySpan<double?> values, ref FormulaFailure failure, ref int position)
        {
            var result = arguments[0].Evaluate(values, ref failure, ref position);
            for (var i = 1; i < arguments.Length; i++)
            {
                var next = arguments[i].Evaluate(values, ref failure, ref position);
                result = max ? Math.Max(result, next) : Math.Min(result, next);
            }

            return result;
        }
    }
}
