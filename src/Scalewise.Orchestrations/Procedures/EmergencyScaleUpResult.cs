using Scalewise.Core.Reports;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>How an <see cref="EmergencyScaleUp"/> ended: the procedure's result and the post-event capacity report (null when it could not be written).</summary>
public sealed record EmergencyScaleUpResult(ScaleProcedureResult Procedure, CapacityReport? Report);
