namespace Scalewise.Core.Autoscale;

/// <summary>Something in an autoscale setting that the imported policy does not carry: where (a JSON path in the setting) and why.</summary>
public sealed record AutoscaleImportWarning(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
