namespace Scalewise.Orchestrations.Api;

/// <summary>
/// Route values checked before they reach storage or the Durable client: an id no policy or procedure can have is answered
/// 404 here, instead of being handed on as a Table key or instance id those services may refuse with an error of their own.
/// </summary>
public static class RouteIds
{
    /// <summary>Procedure instance ids are <c>scale-</c> and a policy id; this accepts any id Durable can hold, within reason.</summary>
    public const int MaximumInstanceIdLength = 256;

    public static bool IsPolicyId(string? id) => PolicyValidator.IsValidId(id);

    public static bool IsInstanceId(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaximumInstanceIdLength
        && id.All(c => c is > ' ' and < '\u007f' and not ('/' or '\\' or '#' or '?'));
}
