using System.Text.Json.Nodes;
using Azure.Core.Pipeline;

namespace Scalewise.Azure.Targets;

/// <summary>ARM REST calls for resource types without an SDK here (Redis): the shared pipeline, errors as <see cref="TargetOperationException"/>.</summary>
internal sealed class ArmRestClient(HttpPipeline pipeline, Uri endpoint, TimeSpan? requestTimeout)
{
    /// <summary>Sends the request; returns the response body (null when empty) and the response, or throws <see cref="TargetOperationException"/>.</summary>
    public async Task<(JsonNode? Body, Response Response)> SendAsync(
        RequestMethod method,
        string resourceId,
        string? suffix,
        string apiVersion,
        JsonNode? body,
        string operation,
        CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(endpoint);
        message.Request.Uri.AppendPath(ResourcePath(resourceId) + (suffix is null ? string.Empty : "/" + suffix), escape: false);
        message.Request.Uri.AppendQuery("api-version", apiVersion);
        return await SendAsync(message, body, resourceId, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs an absolute URL ARM handed out (an async-operation status URL).</summary>
    public async Task<(JsonNode? Body, Response Response)> GetUrlAsync(Uri url, string resourceId, string operation, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(url);
        return await SendAsync(message, null, resourceId, operation, cancellationToken).ConfigureAwait(false);
    }

    internal static string ResourcePath(string resourceId) =>
        "/" + string.Join('/', resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));

    private async Task<(JsonNode? Body, Response Response)> SendAsync(HttpMessage message, JsonNode? body, string resourceId, string operation, CancellationToken cancellationToken)
    {
        message.Request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        }

        if (requestTimeout is { } timeout)
        {
            message.NetworkTimeout = timeout;
        }

        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw ArmFailures.FromRequestFailed(resourceId, operation, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ArmFailures.Timeout(resourceId, operation, ex);
        }
        catch (AggregateException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The retry policy gave up after several tries that each failed without an answer.
            throw ArmFailures.NoAnswer(resourceId, operation, ex);
        }

        var response = message.Response;
        if (response.IsError)
        {
            throw ArmFailures.FromResponse(resourceId, operation, response);
        }

        var content = response.Content;
        if (content is null || content.ToMemory().Length == 0)
        {
            return (null, response);
        }

        try
        {
            return (JsonNode.Parse(content.ToString()), response);
        }
        catch (JsonException ex)
        {
            throw new TargetOperationException($"ARM answered {operation} for '{resourceId}' with a body that is not JSON: {ex.Message}", resourceId, operation, response.Status, null, null, ex);
        }
    }
}
