namespace Scalewise.Orchestrations.Procedures;

/// <summary>The steps vertical procedures add to <see cref="ProcedureStepNames"/>, as history and custom status show them.</summary>
public static class VerticalStepNames
{
    public const string CheckSize = "checkSize";
    public const string Deallocate = "deallocate";
    public const string Resize = "resize";
    public const string Start = "start";
    public const string Cleanup = "cleanup";
    public const string Plan = "plan";
    public const string Export = "export";
    public const string CheckSku = "checkSku";
}
