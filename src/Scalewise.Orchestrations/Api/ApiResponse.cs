using System.Text.Json;
using Scalewise.Core.Serialization;

namespace Scalewise.Orchestrations.Api;

/// <summary>What an HTTP handler answers, for any host to write: status, body and its content type, and the ETag and Location headers when set.</summary>
public sealed record ApiResponse(int Status, string? Body, string? ContentType, string? ETag = null, string? Location = null)
{
    public const string JsonContentType = "application/json";

    public static ApiResponse Json<T>(int status, T value, string? etag = null) =>
        new(status, JsonSerializer.Serialize(value, ScalewiseJson.Options), JsonContentType, etag);

    public static ApiResponse Problem(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status, JsonSerializer.Serialize(problem, ScalewiseJson.Options), ApiProblem.ContentType);
    }

    public static ApiResponse NoContent() => new(204, null, null);
}
