namespace Scalewise.Core.Procedures;

/// <summary>Whether a procedure may go ahead, and why not when it may not.</summary>
public sealed record GuardVerdict(bool Allowed, string Reason);
