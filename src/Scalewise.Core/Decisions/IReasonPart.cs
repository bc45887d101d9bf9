namespace Scalewise.Core.Decisions;

/// <summary>A piece of a decision's reason that writes itself into the text being built, so it needs no string of its own.</summary>
internal interface IReasonPart
{
    void AppendTo(ref ReasonText text);
}
