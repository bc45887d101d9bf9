using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Simulator.Wire;

namespace Scalewise.Simulator.Hosting;

/// <summary>
/// A local HTTPS stand-in for the Azure Resource Manager and Azure Monitor endpoints Scalewise calls,
/// serving an <see cref="Estate"/> on loopback with a self-signed certificate made at start.
/// </summary>
public sealed class EstateSimulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private EstateSimulator(WebApplication app, Uri baseUri, X509Certificate2 certificate, Estate estate)
    {
        this.app = app;
        BaseUri = baseUri;
        Certificate = certificate;
        Estate = estate;
    }

    /// <summary>https://127.0.0.1:{port}/ — use as the ARM endpoint and the Monitor endpoint.</summary>
    public Uri BaseUri { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>SHA-1 thumbprint of <see cref="Certificate"/> (hex, upper case): what clients pin.</summary>
    public string CertificateThumbprint => Certificate.Thumbprint;

    public Estate Estate { get; }

    public static async Task<EstateSimulator> StartAsync(EstateSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var estate = new Estate(options.TimeProvider, loggerFactory);
        var certificate = CreateCertificate();
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Services.AddSingleton(loggerFactory);
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate)));
            app = builder.Build();
            var logger = loggerFactory.CreateLogger<EstateSimulator>();
            var router = new RequestRouter(estate, logger);
            app.Run(router.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel started without reporting its address.");
            var port = new Uri(address).Port;
            var baseUri = new Uri($"https://{IPAddress.Loopback}:{port}/");
            var thumbprint = certificate.Thumbprint;
            SimulatorLog.Started(logger, baseUri, thumbprint);
            return new EstateSimulator(app, baseUri, certificate, estate);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            certificate.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            Certificate.Dispose();
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Scalewise Estate Simulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));

        // TLS checks validity against the real clock, never the simulated one.
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // A PKCS#12 round trip gives a persisted key, which SslStream needs on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
