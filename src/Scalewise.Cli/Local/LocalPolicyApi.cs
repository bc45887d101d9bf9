using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Cli.Local;

/// <summary>The local runner's <c>/api/policies</c> routes, over the same <see cref="PolicyRequests"/> as the Functions app's <c>PoliciesApi</c>.</summary>
public static class LocalPolicyApi
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/policies", (HttpResponse response, PolicyRequests policies, CancellationToken cancellationToken) =>
            WriteAsync(response, policies.ListAsync(cancellationToken)));
        app.MapPost("/api/policies/validate", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
            await WriteAsync(request.HttpContext.Response, Task.FromResult(PolicyRequests.Validate(body))).ConfigureAwait(false);
        });
        app.MapGet("/api/policies/{id}", (string id, HttpResponse response, PolicyRequests policies, CancellationToken cancellationToken) =>
            WriteAsync(response, policies.GetAsync(id, cancellationToken)));
        app.MapPut("/api/policies/{id}", async (string id, HttpRequest request, PolicyRequests policies, CancellationToken cancellationToken) =>
        {
            var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
            var handling = policies.PutAsync(id, body, Header(request, "If-Match"), Header(request, "If-None-Match"), cancellationToken);
            await WriteAsync(request.HttpContext.Response, handling).ConfigureAwait(false);
        });
        app.MapDelete("/api/policies/{id}", (string id, HttpRequest request, PolicyRequests policies, CancellationToken cancellationToken) =>
            WriteAsync(request.HttpContext.Response, policies.DeleteAsync(id, Header(request, "If-Match"), cancellationToken)));
        app.MapGet("/api/policies/{id}/versions", (string id, HttpResponse response, PolicyRequests policies, CancellationToken cancellationToken) =>
            WriteAsync(response, policies.ListVersionsAsync(id, cancellationToken)));
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static async Task WriteAsync(HttpResponse response, Task<ApiResponse> handling)
    {
        var result = await handling.ConfigureAwait(false);
        response.StatusCode = result.Status;
        if (result.ETag is not null)
        {
            response.Headers.ETag = result.ETag;
        }

        if (result.Location is not null)
        {
            response.Headers.Location = result.Location;
        }

        if (result.Body is not null)
        {
            response.ContentType = result.ContentType ?? ApiResponse.JsonContentType;
            await response.WriteAsync(result.Body, response.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
