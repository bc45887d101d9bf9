using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Azure.Notifications;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;

namespace Scalewise.Azure.Tests.Notifications;

/// <summary>
/// The webhook client as registered (with its resilience pipeline) against a real endpoint on loopback that fails: it retries
/// transient answers as the receiver's Retry-After says, and stops calling a receiver that keeps failing (circuit breaker).
/// </summary>
public sealed class NotificationResilienceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NotifyAsync_ReceiverFailsTwiceThenAnswers_IsDeliveredOnTheThirdCall()
    {
        using var receiver = new FlakyReceiver(failures: 2);
        await using var provider = Build(receiver.Url);

        await provider.GetRequiredService<WebhookNotifier>().NotifyAsync(Finished(), CancellationToken.None);

        Assert.Equal(3, receiver.Calls);
    }

    [Fact]
    public async Task NotifyAsync_ReceiverKeepsFailing_FailsAndThenStopsCallingItWhileTheCircuitIsOpen()
    {
        using var receiver = new FlakyReceiver(failures: int.MaxValue);
        await using var provider = Build(receiver.Url);
        var notifier = provider.GetRequiredService<WebhookNotifier>();

        var first = await Assert.ThrowsAsync<NotificationFailedException>(() => notifier.NotifyAsync(Finished(), CancellationToken.None));
        var callsAfterFirst = receiver.Calls;
        var second = await Assert.ThrowsAsync<NotificationFailedException>(() => notifier.NotifyAsync(Finished(), CancellationToken.None));

        Assert.Equal(1 + NotificationResilience.MaxRetries, callsAfterFirst);
        Assert.Equal(503, first.Status);
        Assert.Equal(callsAfterFirst, receiver.Calls);
        Assert.Contains("was not called", second.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Uri webhook)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scalewise:Tables:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Arm:Endpoint"] = "https://127.0.0.1:1/",
            ["Scalewise:Notifications:WebhookUrl"] = webhook.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScalewiseAzure(configuration);
        return services.BuildServiceProvider();
    }

    private static ProcedureNotification Finished() =>
        new(TestData.Procedure("resilience", Start) with { FromCapacity = 2, ToCapacity = 3, EndedAt = Start.AddMinutes(4), Outcome = ProcedureOutcome.Succeeded }, "https://portal.azure.com/#resource/x");

    /// <summary>A webhook receiver on a loopback port: 503 with Retry-After: 0 for the first <c>failures</c> calls, then 200.</summary>
    private sealed class FlakyReceiver : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly int failures;
        private readonly Task serving;
        private int calls;

        public FlakyReceiver(int failures)
        {
            this.failures = failures;
            Url = new Uri($"http://127.0.0.1:{FreePort()}/hook/");
            listener.Prefixes.Add(Url.ToString());
            listener.Start();
            serving = Task.Run(ServeAsync);
        }

        public Uri Url { get; }

        public int Calls => Volatile.Read(ref calls);

        public void Dispose()
        {
            listener.Close();
            _ = serving.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var call = Interlocked.Increment(ref calls);
                context.Response.StatusCode = call <= failures ? 503 : 200;
                if (call <= failures)
                {
                    context.Response.Headers["Retry-After"] = "0";
                }

                context.Response.Close();
            }
        }
    }
}
