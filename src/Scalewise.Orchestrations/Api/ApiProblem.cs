using System.Text.Json.Serialization;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// An RFC 9457 problem, served as application/problem+json; <see cref="Field"/> names the input that was wrong, and
/// <see cref="Errors"/> lists every error of a rejected policy document with its JSON path.
/// </summary>
/// <remarks>
/// Every 4xx names a field, never an empty one: a route value (<c>id</c>, <c>target</c>, <c>instanceId</c>), a header
/// (<c>If-Match</c>), a body field (<c>capacity</c>, or a JSON path in a policy) or <c>body</c> for the body as a whole. A 502 or
/// 503 from a failed ARM read names <c>target</c>; a storage outage and the last-resort 500 name none (no input was wrong), so
/// <see cref="Field"/> is left out of the JSON.
/// </remarks>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail, string? Field, IReadOnlyList<PolicyError>? Errors = null)
{
    public const string ContentType = "application/problem+json";

    /// <summary>Seconds to wait before trying again, sent as the <c>Retry-After</c> header (not in the body).</summary>
    [JsonIgnore]
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Where the caller looks for the server's side of a 500 (the trace id it was logged under).</summary>
    public string? TraceId { get; init; }

    public static ApiProblem Validation(string field, string detail) => new("urn:scalewise:problem:validation", "The request is not valid.", 400, detail, Named(field));

    /// <summary>A 413: the body is over <paramref name="limit"/> bytes.</summary>
    public static ApiProblem TooLarge(long limit) =>
        new("urn:scalewise:problem:too-large", "The request body is too large.", 413, $"The body is larger than {limit} bytes, the most this API accepts; a policy document is far smaller.", "body");

    /// <summary>A 502 (ARM answered with an error) or 503 (ARM did not answer, or asked to wait) while reading <paramref name="target"/>.</summary>
    public static ApiProblem TargetUnreadable(string target, int status, string detail) =>
        new("urn:scalewise:problem:target-unreadable", "The target could not be read from Azure.", status, detail, "target");

    /// <summary>A 503: Table Storage (or another service Scalewise keeps its state in) did not answer.</summary>
    public static ApiProblem StorageUnavailable(string detail) =>
        new("urn:scalewise:problem:storage-unavailable", "Scalewise's storage is unavailable.", 503, detail, null);

    /// <summary>The last resort: something failed that no check foresaw. The trace id finds it in the logs.</summary>
    public static ApiProblem Unexpected(string traceId) =>
        new("urn:scalewise:problem:unexpected", "The request failed on the server.", 500, $"Scalewise could not answer this request; the failure is logged under trace id {traceId}.", null) { TraceId = traceId };

    public static ApiProblem NotFound(string field, string detail) => new("urn:scalewise:problem:not-found", "Not found.", 404, detail, field);

    /// <summary>A 412: the write's If-Match or If-None-Match no longer holds.</summary>
    public static ApiProblem PreconditionFailed(string field, string detail) => new("urn:scalewise:problem:precondition-failed", "The precondition failed.", 412, detail, field);

    /// <summary>
    /// A 409: another policy already scales the resource <paramref name="resourceId"/>. One policy per Azure resource, so
    /// that two procedures never change one resource at once (each would verify against the other's capacity).
    /// </summary>
    public static ApiProblem TargetTaken(string resourceId, string otherPolicyId) => new(
        "urn:scalewise:problem:target-taken",
        "Another policy scales this resource.",
        409,
        $"Policy '{otherPolicyId}' already scales {resourceId}; one resource has one policy, so that two procedures never change it at once. Change or delete '{otherPolicyId}' instead.",
        "$.target.resourceId");

    /// <summary>A 400 for a policy document: every error, the first one's path as the field.</summary>
    public static ApiProblem InvalidPolicy(IReadOnlyList<PolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        return new(
            "urn:scalewise:problem:invalid-policy",
            "The policy is not valid.",
            400,
            $"The policy has {count}: " + string.Join("; ", errors),
            errors.Count > 0 ? Named(errors[0].Path) : "$",
            errors);
    }

    /// <summary>A problem never names an empty field: an empty key in the body is the body's fault.</summary>
    private static string Named(string field) => string.IsNullOrWhiteSpace(field) ? "body" : field;
}
