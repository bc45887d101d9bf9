namespace Scalewise.Core.Forecasting;

/// <summary>
/// A rolling-origin backtest: every method's accuracy over <see cref="Origins"/> hourly origins (the first at
/// <see cref="FirstOrigin"/>), and the method chosen (<see cref="Chosen"/>) with the reason a person reads.
/// </summary>
public sealed record BacktestResult(
    int HorizonHours,
    int Origins,
    DateTimeOffset? FirstOrigin,
    DateTimeOffset? LastOrigin,
    IReadOnlyList<MethodAccuracy> Methods,
    string Chosen,
    string Reason)
{
    public MethodAccuracy? this[string name] => Methods.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
}
