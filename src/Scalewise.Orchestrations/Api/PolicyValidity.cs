namespace Scalewise.Orchestrations.Api;

/// <summary>The body of a successful <c>POST /api/policies/validate</c>: <c>{"valid": true}</c>.</summary>
public sealed record PolicyValidity(bool Valid);
