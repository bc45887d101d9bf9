namespace Scalewise.Core.Ports;

/// <summary>
/// A warning people should hear about although nothing scales: an alert-only rule fired, or a rule passed its warning tier.
/// <see cref="Alerts"/> names what fired; <see cref="Reason"/> is the decision's sentence.
/// </summary>
public sealed record AlertNotification(
    string PolicyId,
    string TargetResourceId,
    int Capacity,
    IReadOnlyList<string> Alerts,
    string Reason,
    DateTimeOffset At,
    string? PortalLink);
