namespace Scalewise.Core.Decisions;

/// <summary>Why a tick is an emergency, the demand projected (null when none was measured) and the capacity that meets it.</summary>
public sealed record EmergencySignal(string Trigger, double? ProjectedDemand, int Capacity, string Reason);
