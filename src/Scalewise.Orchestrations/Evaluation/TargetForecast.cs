using Scalewise.Core.Forecasting;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>The body of <c>GET /api/targets/{target}/forecast</c>: the stored forecast, its method, accuracy and reason.</summary>
public sealed record TargetForecast(string Target, DemandForecast Forecast);
