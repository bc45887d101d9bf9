using System.Text.Json;
using System.Text.Json.Nodes;
using Scalewise.Core.Serialization;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// Handles <c>/api/policies</c> for every host. Writes follow Azure's conditional requests: <c>If-Match</c> is optional
/// and, when sent, a write or delete succeeds only while the stored ETag is that one (412 otherwise, also when the
/// policy is gone); <c>If-None-Match: *</c> creates only (412 when the policy exists); with neither, PUT creates or
/// replaces. Every write keeps the version it replaced.
/// </summary>
public sealed class PolicyRequests(IPolicyStore policies)
{
    public const int VersionLimit = 100;

    public async Task<ApiResponse> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await policies.ListAsync(cancellationToken).ConfigureAwait(false);
        var entries = stored.OrderBy(p => p.Policy.Id, StringComparer.Ordinal).Select(Entry).ToList();
        return ApiResponse.Json(200, new PolicyList(entries));
    }

    /// <summary>The policy document itself, with its ETag.</summary>
    public async Task<ApiResponse> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!RouteIds.IsPolicyId(id))
        {
            return NotFound(id);
        }

        var stored = await policies.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null ? NotFound(id) : Document(200, stored);
    }

    public async Task<ApiResponse> PutAsync(string id, string? body, string? ifMatch, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        if (EntityTags.Problem("If-Match", ifMatch) is { } badIfMatch)
        {
            return ApiResponse.Problem(badIfMatch);
        }

        if (ifNoneMatch is not null && ifNoneMatch.Trim() != "*")
        {
            return ApiResponse.Problem(ApiProblem.Validation("If-None-Match", $"If-None-Match '{ifNoneMatch}' is not supported; send \"*\" to create the policy only if it does not exist."));
        }

        if (ifNoneMatch is not null && ifMatch is not null)
        {
            return ApiResponse.Problem(ApiProblem.Validation("If-Match", "Send either If-Match (replace the version you read) or If-None-Match: * (create only), not both."));
        }

        if (JsonInputCheck.FindProblem(body ?? string.Empty) is { } oddity)
        {
            return ApiResponse.Problem(ApiProblem.InvalidPolicy([oddity]));
        }

        var document = WithRouteId(id, body, out var idProblem);
        if (idProblem is not null)
        {
            return ApiResponse.Problem(idProblem);
        }

        var parsed = PolicyDocument.Parse(document);
        if (!parsed.IsValid)
        {
            return ApiResponse.Problem(ApiProblem.InvalidPolicy(parsed.Errors));
        }

        var policy = parsed.Policy!;
        if (await OtherPolicyOnTheTargetAsync(policy, cancellationToken).ConfigureAwait(false) is { } other)
        {
            return ApiResponse.Problem(ApiProblem.TargetTaken(policy.Target.ResourceId, other));
        }

        try
        {
            if (ifNoneMatch is not null)
            {
                return Created(await policies.CreateAsync(policy, cancellationToken).ConfigureAwait(false));
            }

            if (ifMatch is not null)
            {
                return Document(200, await policies.UpsertAsync(policy, ifMatch, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            return ApiResponse.Problem(ApiProblem.PreconditionFailed(ifNoneMatch is null ? "If-Match" : "If-None-Match", ex.Message));
        }

        try
        {
            return Created(await policies.CreateAsync(policy, cancellationToken).ConfigureAwait(false));
        }
        catch (ConcurrencyConflictException)
        {
            // It exists, and no condition was asked for: replace it (the replaced version is kept).
            return Document(200, await policies.UpsertAsync(policy, ifMatch: null, cancellationToken).ConfigureAwait(false));
        }
    }

    public async Task<ApiResponse> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        if (EntityTags.Problem("If-Match", ifMatch) is { } badIfMatch)
        {
            return ApiResponse.Problem(badIfMatch);
        }

        if (!RouteIds.IsPolicyId(id))
        {
            return NotFound(id);
        }

        try
        {
            return await policies.DeleteAsync(id, ifMatch, cancellationToken).ConfigureAwait(false)
                ? ApiResponse.NoContent()
                : NotFound(id);
        }
        catch (ConcurrencyConflictException ex)
        {
            return ApiResponse.Problem(ApiProblem.PreconditionFailed("If-Match", ex.Message));
        }
    }

    /// <summary>Every version written, newest first (the first is the current one unless the policy was deleted).</summary>
    public async Task<ApiResponse> ListVersionsAsync(string id, CancellationToken cancellationToken)
    {
        var versions = !RouteIds.IsPolicyId(id) ? [] : await policies.ListVersionsAsync(id, VersionLimit, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0
            ? ApiResponse.Problem(ApiProblem.NotFound("id", $"No policy with the id '{id}' was ever stored."))
            : ApiResponse.Json(200, new PolicyList([.. versions.Select(Entry)]));
    }

    /// <summary>Checks a document without storing it: 200 <c>{"valid": true}</c>, or 400 with every error.</summary>
    public static ApiResponse Validate(string? body)
    {
        var parsed = PolicyDocument.Parse(body ?? string.Empty);
        return parsed.IsValid
            ? ApiResponse.Json(200, new PolicyValidity(true))
            : ApiResponse.Problem(ApiProblem.InvalidPolicy(parsed.Errors));
    }

    /// <summary>The body with the route's id filled in when it has none; a problem naming <c>id</c> when it has another.</summary>
    private static string WithRouteId(string id, string? body, out ApiProblem? problem)
    {
        problem = null;
        JsonObject? root;
        try
        {
            root = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        if (root is null)
        {
            // Not an object: the parser says what is wrong, with its path and line.
            return body ?? string.Empty;
        }

        if (!root.TryGetPropertyValue("id", out var bodyId))
        {
            root["id"] = id;
            return root.ToJsonString();
        }

        if (bodyId is JsonValue value && value.TryGetValue<string>(out var text) && string.Equals(text, id, StringComparison.Ordinal))
        {
            return body!;
        }

        problem = ApiProblem.Validation("id", $"The body's id {bodyId?.ToJsonString() ?? "null"} differs from the id in the URL, '{id}'; send the same id or leave it out of the body.");
        return body!;
    }

    private static PolicyEntry Entry(StoredPolicy stored) => new(stored.Policy.Id, stored.ETag, stored.LastModified, stored.Policy);

    private static ApiResponse Document(int status, StoredPolicy stored) =>
        new(status, PolicyDocument.Serialize(stored.Policy), ApiResponse.JsonContentType, stored.ETag);

    private static ApiResponse Created(StoredPolicy stored) =>
        Document(201, stored) with { Location = $"/api/policies/{Uri.EscapeDataString(stored.Policy.Id)}" };

    private static ApiResponse NotFound(string id) =>
        ApiResponse.Problem(ApiProblem.NotFound("id", $"No policy has the id '{id}'. PUT /api/policies/{id} creates it."));

    /// <summary>The id of another stored policy on the same Azure resource (ARM ids compare without case); null when none.</summary>
    private async Task<string?> OtherPolicyOnTheTargetAsync(ScalingPolicy policy, CancellationToken cancellationToken)
    {
        var stored = await policies.ListAsync(cancellationToken).ConfigureAwait(false);
        return stored
            .Where(p => p.Policy.Id != policy.Id && string.Equals(p.Policy.Target.ResourceId, policy.Target.ResourceId, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Policy.Id)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
