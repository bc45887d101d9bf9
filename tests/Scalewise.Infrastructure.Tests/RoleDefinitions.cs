using System.Text.RegularExpressions;

namespace Scalewise.Infrastructure.Tests;

/// <summary>Built-in Azure role ids, and the role a compiled role assignment grants.</summary>
internal static partial class RoleDefinitions
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string MonitoringReader = "43d0d8ad-25c7-4714-9337-8ba259a9fe05";
    public const string VirtualMachineContributor = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c";
    public const string RedisCacheContributor = "e0f68234-74aa-48ed-b826-c38b57376e17";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string EventGridDataSender = "d5a91429-5739-47e2-a06b-3470a27159e7";

    /// <summary>The role id a role assignment names, with a variable reference resolved; the raw expression otherwise.</summary>
    public static string GrantedBy(ArmResource roleAssignment)
    {
        var expression = (string)roleAssignment.Properties["roleDefinitionId"]!;
        var variable = VariableReference().Match(expression);
        if (variable.Success && roleAssignment.Template["variables"]?[variable.Groups[1].Value] is { } value
            && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var resolved = (string)value!;
            if (Guid.TryParse(resolved, out _))
            {
                return resolved;
            }
        }

        return expression;
    }

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariableReference();
}
