using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scalewise.Core.Serialization;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// What an HTTP handler answers: status, body and its content type, and the ETag and Location headers when set. It writes
/// itself (<see cref="IResult"/>), so every host sends the same bytes.
/// </summary>
public sealed record ApiResponse(int Status, string? Body, string? ContentType, string? ETag = null, string? Location = null) : IResult
{
    /// <summary>Seconds the caller should wait before trying again (sent as <c>Retry-After</c>), for a 503.</summary>
    public int? RetryAfterSeconds { get; init; }

    public const string JsonContentType = "application/json";

    public static ApiResponse Json<T>(int status, T value, string? etag = null) =>
        new(status, JsonSerializer.Serialize(value, ScalewiseJson.Options), JsonContentType, etag);

    public static ApiResponse Problem(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status, JsonSerializer.Serialize(problem, ScalewiseJson.Options), ApiProblem.ContentType) { RetryAfterSeconds = problem.RetryAfterSeconds };
    }

    /// <summary>200 with <paramref name="found"/>, or <paramref name="problem"/> when nothing was found.</summary>
    public static ApiResponse Found<T>(T? found, ApiProblem? problem)
        where T : class =>
        found is null
            ? Problem(problem ?? throw new ArgumentNullException(nameof(problem), "Nothing found and no problem to say why."))
            : Json(200, found);

    /// <summary>The 409 for a target whose procedure runs, as problem+json.</summary>
    public static ApiResponse Problem(ProcedureConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return new(conflict.Status, JsonSerializer.Serialize(conflict, ScalewiseJson.Options), ApiProblem.ContentType);
    }

    public static ApiResponse NoContent() => new(204, null, null);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Body is not null)
        {
            response.ContentType = ContentType ?? JsonContentType;
            await response.WriteAsync(Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
