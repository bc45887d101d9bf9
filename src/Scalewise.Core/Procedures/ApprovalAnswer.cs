namespace Scalewise.Core.Procedures;

/// <summary>A person's answer to a procedure waiting for approval, and who gave it.</summary>
public sealed record ApprovalAnswer(bool Approved, string By, string? Comment);
