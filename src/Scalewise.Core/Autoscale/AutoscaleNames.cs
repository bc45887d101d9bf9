using System.Text;

namespace Scalewise.Core.Autoscale;

/// <summary>Names the importer makes from an autoscale setting's names (policy ids, rule names).</summary>
internal static class AutoscaleNames
{
    /// <summary>Lowercase letters, digits and single hyphens, as policy ids and rule names are written.</summary>
    internal static string Slug(string text, int maximumLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString();
        return (slug.Length > maximumLength ? slug[..maximumLength] : slug).Trim('-');
    }
}
