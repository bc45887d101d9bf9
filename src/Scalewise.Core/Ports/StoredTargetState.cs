using Scalewise.Core.Decisions;

namespace Scalewise.Core.Ports;

/// <summary>A target's state as stored, with the ETag a later write must present (null when never stored).</summary>
public sealed record StoredTargetState(TargetState State, string? ETag);
