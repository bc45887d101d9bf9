namespace Scalewise.Orchestrations.Api;

/// <summary>A request body over <see cref="ApiBody.MaximumBytes"/>; <see cref="ApiGuard"/> answers it with a 413.</summary>
public sealed class RequestTooLargeException : Exception
{
    public RequestTooLargeException()
    {
    }

    public RequestTooLargeException(string message)
        : base(message)
    {
    }

    public RequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RequestTooLargeException(long limit)
        : base($"The request body is over {limit} bytes.") => Limit = limit;

    public long Limit { get; }
}
