using Scalewise.Core.Reports;

namespace Scalewise.Orchestrations.Activities;

/// <summary>Input of <see cref="EmergencyActivities.NotifyCapacityReport"/>: the emergency procedure's record and its report.</summary>
public sealed record CapacityReportNotice(ProcedureRecord Procedure, CapacityReport Report);
