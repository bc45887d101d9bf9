namespace Scalewise.Core.Policies;

/// <summary>What a fired rule does: move capacity by <see cref="ChangeCount"/> in <see cref="Direction"/>, then hold for <see cref="Cooldown"/>.</summary>
public sealed record ScaleAction(ScaleDirection Direction, int ChangeCount, TimeSpan Cooldown);
