using System.Text.RegularExpressions;

namespace Scalewise.Simulator.Wire;

/// <summary>ARM's api-version rule, loosely: any yyyy-mm-dd[-preview] is accepted.</summary>
internal static partial class ApiVersion
{
    public static bool IsWellFormed(string value) => Pattern().IsMatch(value);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
