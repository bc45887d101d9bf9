using Scalewise.Core.Formulas;

namespace Scalewise.Core.Tests.Formulas;

public sealed class MetricFormulaTests
{
    [Theory]
    [InlineData("cpu + mem * 2", 10, 20, 50)]
    [InlineData("(cpu + mem) * 2", 10, 20, 60)]
    [InlineData("cpu - mem - 5", 10, 20, -15)]
    [InlineData("mem / cpu / 2", 10, 20, 1)]
    [InlineData("-cpu + mem", 10, 20, 10)]
    [InlineData("max(cpu / 70, mem / 50)", 35, 40, 0.8)]
    [InlineData("MIN(cpu, mem, 15)", 35, 40, 15)]
    [InlineData("  cpu*1.5e1 ", 2, 0, 30)]
    public void Evaluate_ValidFormula_FollowsArithmeticPrecedence(string text, double cpu, double mem, double expected)
    {
        var formula = Parse(text);
        var values = formula.Names.Select(n => (double?)(n.Equals("cpu", StringComparison.OrdinalIgnoreCase) ? cpu : mem)).ToArray();

        var result = formula.Evaluate(values);

        Assert.NotNull(result.Value);
        Assert.Equal(expected, result.Value.Value, 9);
    }

    [Fact]
    public void Names_RepeatedInAnyCase_AreListedOnceInOrderOfFirstUse()
    {
        var formula = Parse("max(Memory, cpu) / memory + queue");

        Assert.Equal(["Memory", "cpu", "queue"], formula.Names);
        Assert.Equal([5, 13, 29], Enumerable.Range(0, 3).Select(formula.PositionOf));
    }

    [Fact]
    public void Evaluate_DivisionByZero_HasNoValueAndSaysWhere()
    {
        var result = Parse("requests / connections").Evaluate([1200, 0]);

        Assert.Null(result.Value);
        Assert.Equal("division by zero at position 10", result.Why);
    }

    [Fact]
    public void Evaluate_MetricWithoutData_HasNoValueAndNamesIt()
    {
        var result = Parse("cpu + memory").Evaluate([50, null]);

        Assert.Null(result.Value);
        Assert.Equal("no data for 'memory'", result.Why);
    }

    [Theory]
    [InlineData("", 1, "the formula is empty")]
    [InlineData("cpu +", 6, "expected a number, a metric name, min(...), max(...) or '(', found the end of the formula")]
    [InlineData("(cpu + mem", 11, "expected ')' to close the '(' at position 1")]
    [InlineData("cpu mem", 5, "unexpected 'm'; expected an operator")]
    [InlineData("avg(cpu, mem)", 1, "'avg' is not a function; the functions are min and max")]
    [InlineData("max(cpu)", 1, "max(...) needs at least two arguments")]
    [InlineData("cpu + max", 7, "'max' is a function")]
    [InlineData("cpu % 2", 5, "unexpected '%'")]
    [InlineData("1.2.3 * cpu", 1, "'1.2.3' is not a number")]
    [InlineData("max(cpu; mem)", 8, "expected ',' or ')' in max(...), found ';'")]
    public void Parse_BrokenFormula_GivesThePositionAndWhatWasExpected(string text, int position, string message)
    {
        var (formula, error) = MetricFormula.Parse(text);

        Assert.Null(formula);
        Assert.Equal(position, error!.Position);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNested_IsRejectedRatherThanOverflowingTheStack()
    {
        var (_, error) = MetricFormula.Parse(new string('(', 200) + "cpu" + new string(')', 200));

        Assert.Contains("nests more than 32 levels", error!.Message, StringComparison.Ordinal);
    }

    private static MetricFormula Parse(string text)
    {
        var (formula, error) = MetricFormula.Parse(text);
        Assert.True(formula is not null, error?.ToString());
        return formula;
    }
}
