namespace Scalewise.Core.Procedures;

/// <summary>An approval as stored: the request and, once given, the answer.</summary>
public sealed record ApprovalRecord(ApprovalRequest Request, ApprovalAnswer? Answer, DateTimeOffset? AnsweredAt);
