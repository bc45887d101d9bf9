using System.Text.RegularExpressions;

namespace Scalewise.Infrastructure.Tests;

/// <summary>
/// The custom roles in <c>infra-bicep/app/target-access.bicep</c> grant exactly the actions <c>docs/azure-operations.md</c>
/// lists for their adapter: every action an adapter needs, and nothing else.
/// </summary>
[Collection(CompiledMainTemplateCollection.Name)]
public sealed partial class DocumentedRoleActionsTests(CompiledMainTemplate compiled)
{
    public static TheoryData<string> CustomRoles => ["compute", "Redis cache", "managed Redis"];

    [Theory]
    [MemberData(nameof(CustomRoles))]
    public void CustomRole_Compiled_GrantsExactlyTheActionsTheOperationsPageLists(string role)
    {
        var documented = DocumentedActions()[role];
        var definition = Assert.Single(compiled.OfType("Microsoft.Authorization/roleDefinitions"), r =>
            ((string?)r.Properties["roleName"] ?? string.Empty).Contains(role, StringComparison.Ordinal));
        var granted = definition.Properties["permissions"]!.AsArray()
            .SelectMany(permission => permission!["actions"]!.AsArray())
            .Select(action => (string)action!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(documented.Except(granted));
        Assert.Empty(granted.Except(documented));
    }

    [Fact]
    public void OperationsPage_EveryRow_NamesARoleTheTemplateGrants()
    {
        var roles = DocumentedActions().Keys.Concat(MonitoringRows()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["Monitoring Reader", "Redis cache", "compute", "managed Redis"], roles.Order(StringComparer.Ordinal));
    }

    /// <summary>Role column to the set of <c>Microsoft.*</c> actions in backticks in the Actions column, over the operations table.</summary>
    private static Dictionary<string, HashSet<string>> DocumentedActions()
    {
        var actions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var cells in Rows())
        {
            var (role, listed) = (cells[^2], cells[^1]);
            if (role == "Monitoring Reader")
            {
                continue;
            }

            if (!actions.TryGetValue(role, out var set))
            {
                actions[role] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(Action().Matches(listed).Select(m => m.Groups[1].Value));
        }

        return actions;
    }

    private static IEnumerable<string> MonitoringRows() => Rows().Select(cells => cells[^2]).Where(role => role == "Monitoring Reader");

    private static IEnumerable<string[]> Rows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "docs", "azure-operations.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| Operation |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/azure-operations.md has no operations table.");
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length >= 8, $"Row with too few cells: {line}");
            yield return cells;
        }
    }

    [GeneratedRegex(@"`(Microsoft\.[A-Za-z]+/[^`]+)`")]
    private static partial Regex Action();
}
