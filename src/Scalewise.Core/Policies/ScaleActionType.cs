namespace Scalewise.Core.Policies;

/// <summary>How a scale action measures its change (Azure autoscale's scale types, plus SKU ladder steps for vertical targets).</summary>
public enum ScaleActionType
{
    ChangeCount,
    PercentChangeCount,
    ExactCount,
    SkuStep,
}
