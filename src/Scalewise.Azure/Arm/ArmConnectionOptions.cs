namespace Scalewise.Azure.Arm;

/// <summary>How Scalewise reaches Azure Resource Manager and Azure Monitor; bound from the configuration section <c>Scalewise:Arm</c>.</summary>
public sealed class ArmConnectionOptions
{
    public const string SectionName = "Scalewise:Arm";

    /// <summary>The ARM endpoint; sovereign clouds and the local simulator change it.</summary>
    public Uri Endpoint { get; set; } = new("https://management.azure.com/");

    /// <summary>The token audience; the scope requested is the audience + ".default".</summary>
    public string Audience { get; set; } = "https://management.azure.com/";

    /// <summary>Local and test use only: when set, the transport trusts exactly the server certificate with this SHA-1 or SHA-256 thumbprint, and no other.</summary>
    public string? TrustedCertificateThumbprint { get; set; }

    /// <summary>Local and test use only: when set, every request carries this bearer token instead of one from <c>DefaultAzureCredential</c>.</summary>
    public string? StaticBearerToken { get; set; }

    /// <summary>The client id of a user-assigned managed identity; null uses the system-assigned identity or the developer's sign-in.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
