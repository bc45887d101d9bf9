namespace Scalewise.Core.Policies;

/// <summary>
/// What a fired rule does, then holds for <see cref="Cooldown"/>. <see cref="Type"/> says how the change is measured:
/// <see cref="ChangeCount"/> instances, <see cref="Percent"/> of the current capacity (rounded toward zero, at least one
/// and at least <see cref="MinAdjustmentMagnitude"/>), an <see cref="ExactCount"/>, or <see cref="ChangeCount"/> rungs of
/// the policy's SKU ladder. With <see cref="Steps"/>, the change depends on how far the metric is past the threshold.
/// </summary>
public sealed record ScaleAction(
    ScaleDirection Direction,
    int ChangeCount,
    TimeSpan Cooldown,
    ScaleActionType Type = ScaleActionType.ChangeCount,
    double? Percent = null,
    int? ExactCount = null,
    int MinAdjustmentMagnitude = 0,
    IReadOnlyList<StepAdjustment>? Steps = null);
