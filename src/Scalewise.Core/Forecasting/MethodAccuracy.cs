namespace Scalewise.Core.Forecasting;

/// <summary>One method's backtested accuracy: MASE and sMAPE (percent) over every scored hour; null when undefined (see <see cref="AccuracyMeasures"/>).</summary>
public sealed record MethodAccuracy(string Name, double? Mase, double? Smape, int ScoredHours);
