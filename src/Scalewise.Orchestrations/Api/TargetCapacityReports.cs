using Scalewise.Core.Reports;

namespace Scalewise.Orchestrations.Api;

/// <summary>The body of <c>GET /api/targets/{target}/capacity-reports</c>: the target's post-event capacity reports, newest first.</summary>
public sealed record TargetCapacityReports(string Target, string TargetResourceId, IReadOnlyList<CapacityReport> Reports);
