namespace Scalewise.Orchestrations.Api;

/// <summary>An RFC 9457 problem, served as application/problem+json; <see cref="Field"/> names the input that was wrong.</summary>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail, string? Field)
{
    public const string ContentType = "application/problem+json";

    public static ApiProblem Validation(string field, string detail) => new("urn:scalewise:problem:validation", "The request is not valid.", 400, detail, field);

    public static ApiProblem NotFound(string field, string detail) => new("urn:scalewise:problem:not-found", "Not found.", 404, detail, field);
}
