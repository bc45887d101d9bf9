namespace Scalewise.Simulator.Contracts;

/// <summary>Why a request does not match its operation's definition: an ARM error (status, code, message) naming the field in <see cref="Target"/>.</summary>
internal sealed record ContractViolation(int Status, string Code, string Message, string? Target);
