namespace Scalewise.Core.Forecasting;

/// <summary>
/// The smoothing parameters of a <see cref="HoltWintersForecaster"/>: level (<see cref="Alpha"/>), daily seasonal
/// (<see cref="Delta"/>), weekly seasonal (<see cref="Omega"/>) and the AR(1) adjustment of the last error (<see cref="Phi"/>).
/// </summary>
public sealed record HoltWintersParameters(double Alpha, double Delta, double Omega, double Phi);
