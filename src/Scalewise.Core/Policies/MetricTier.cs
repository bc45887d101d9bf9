namespace Scalewise.Core.Policies;

/// <summary>How far a metric has gone: past its warning threshold (record and notify), its trigger (scale) or its critical threshold (emergency).</summary>
public enum MetricTier
{
    None,
    Warning,
    Trigger,
    Critical,
}
