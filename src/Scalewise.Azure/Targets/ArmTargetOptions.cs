namespace Scalewise.Azure.Targets;

/// <summary>Settings of the Redis and VM controllers; bound from the configuration section <c>Scalewise:Targets</c>.</summary>
public sealed class ArmTargetOptions
{
    public const string SectionName = "Scalewise:Targets";

    /// <summary>The blob container (https SAS URL with write permission) Redis exports go to.</summary>
    public Uri? RedisExportContainer { get; set; }

    /// <summary>How long one ARM REST request may take before it is abandoned (per try); null keeps the pipeline's default (100 s).</summary>
    public TimeSpan? RequestTimeout { get; set; }
}
