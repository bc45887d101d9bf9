using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Scalewise.Azure.Arm;

/// <summary>An HTTP handler that trusts exactly one server certificate, named by its SHA-1 or SHA-256 thumbprint.</summary>
internal static class CertificatePinning
{
    public static SocketsHttpHandler CreateHandler(string thumbprint)
    {
        var expected = Normalize(thumbprint);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => Matches(certificate, expected),
            },
        };
    }

    internal static bool Matches(X509Certificate? certificate, string expectedThumbprint)
    {
        if (certificate is null)
        {
            return false;
        }

        var expected = Normalize(expectedThumbprint);
        return string.Equals(certificate.GetCertHashString(), expected, StringComparison.OrdinalIgnoreCase)
            || string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), expected, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string thumbprint) =>
        new(thumbprint.Where(Uri.IsHexDigit).ToArray());
}
