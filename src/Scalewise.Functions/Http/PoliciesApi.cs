using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Functions.Http;

/// <summary>Policies over HTTP: list, read, write with ETags, delete, earlier versions and validation. All need a function key.</summary>
public sealed class PoliciesApi(PolicyRequests policies)
{
    [Function(nameof(ListPolicies))]
    public async Task<HttpResponseData> ListPolicies(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "policies")] HttpRequestData request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await WriteAsync(request, await policies.ListAsync(context.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }

    [Function(nameof(GetPolicy))]
    public async Task<HttpResponseData> GetPolicy(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "policies/{id}")] HttpRequestData request,
        string id,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await WriteAsync(request, await policies.GetAsync(id, context.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }

    [Function(nameof(PutPolicy))]
    public async Task<HttpResponseData> PutPolicy(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "policies/{id}")] HttpRequestData request,
        string id,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var body = await request.ReadAsStringAsync().ConfigureAwait(false);
        var response = await policies.PutAsync(id, body, Header(request, "If-Match"), Header(request, "If-None-Match"), context.CancellationToken).ConfigureAwait(false);
        return await WriteAsync(request, response).ConfigureAwait(false);
    }

    [Function(nameof(DeletePolicy))]
    public async Task<HttpResponseData> DeletePolicy(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "policies/{id}")] HttpRequestData request,
        string id,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var response = await policies.DeleteAsync(id, Header(request, "If-Match"), context.CancellationToken).ConfigureAwait(false);
        return await WriteAsync(request, response).ConfigureAwait(false);
    }

    [Function(nameof(ListPolicyVersions))]
    public async Task<HttpResponseData> ListPolicyVersions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "policies/{id}/versions")] HttpRequestData request,
        string id,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await WriteAsync(request, await policies.ListVersionsAsync(id, context.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }

    [Function(nameof(ValidatePolicy))]
    public async Task<HttpResponseData> ValidatePolicy(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "policies/validate")] HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await request.ReadAsStringAsync().ConfigureAwait(false);
        return await WriteAsync(request, PolicyRequests.Validate(body)).ConfigureAwait(false);
    }

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static async Task<HttpResponseData> WriteAsync(HttpRequestData request, ApiResponse result)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse((HttpStatusCode)result.Status);
        if (result.ETag is not null)
        {
            response.Headers.Add("ETag", result.ETag);
        }

        if (result.Location is not null)
        {
            response.Headers.Add("Location", result.Location);
        }

        if (result.Body is not null)
        {
            response.Headers.Add("Content-Type", result.ContentType ?? ApiResponse.JsonContentType);
            await response.WriteStringAsync(result.Body).ConfigureAwait(false);
        }

        return response;
    }
}
