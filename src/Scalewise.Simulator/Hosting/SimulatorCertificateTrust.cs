using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Scalewise.Simulator.Hosting;

/// <summary>
/// Trust for the simulator's self-signed certificate: a client handler that accepts exactly one server
/// certificate, pinned by SHA-1 thumbprint, and nothing else. For local and test configuration only.
/// </summary>
public static class SimulatorCertificateTrust
{
    /// <summary>A handler (for <c>HttpClient</c> or Azure.Core's <c>HttpClientTransport</c>) that trusts only <paramref name="thumbprint"/>.</summary>
    public static HttpClientHandler CreateHandler(string thumbprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(thumbprint);
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => IsPinned(certificate, thumbprint),
        };
    }

    /// <summary>A TLS validation callback that trusts only <paramref name="thumbprint"/>.</summary>
    public static RemoteCertificateValidationCallback CreateValidationCallback(string thumbprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(thumbprint);
        return (_, certificate, _, _) => IsPinned(certificate, thumbprint);
    }

    /// <summary>True when <paramref name="certificate"/> has the SHA-1 thumbprint <paramref name="thumbprint"/>.</summary>
    public static bool IsPinned(X509Certificate? certificate, string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(thumbprint);
        return certificate is not null
            && string.Equals(certificate.GetCertHashString(), thumbprint.Replace(":", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}
