namespace Scalewise.Orchestrations.Api;

/// <summary>
/// An RFC 9457 problem, served as application/problem+json; <see cref="Field"/> names the input that was wrong, and
/// <see cref="Errors"/> lists every error of a rejected policy document with its JSON path.
/// </summary>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail, string? Field, IReadOnlyList<PolicyError>? Errors = null)
{
    public const string ContentType = "application/problem+json";

    public static ApiProblem Validation(string field, string detail) => new("urn:scalewise:problem:validation", "The request is not valid.", 400, detail, field);

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
            errors.Count > 0 ? errors[0].Path : "$",
            errors);
    }
}
