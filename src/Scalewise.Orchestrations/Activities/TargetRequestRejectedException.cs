namespace Scalewise.Orchestrations.Activities;

/// <summary>
/// ARM refused a request for a reason retrying cannot fix (bad request, forbidden, not found). Procedures do not
/// retry it; they roll back or fail with its message.
/// </summary>
public sealed class TargetRequestRejectedException : Exception
{
    public TargetRequestRejectedException()
    {
    }

    public TargetRequestRejectedException(string message)
        : base(message)
    {
    }

    public TargetRequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
