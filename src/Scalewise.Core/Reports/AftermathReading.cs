namespace Scalewise.Core.Reports;

/// <summary>One look at an emergency's aftermath: whether it is over, and what was seen.</summary>
public sealed record AftermathReading(bool Over, string Detail);
