using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scalewise.Cli.Local;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Dashboard.Tests;

/// <summary>
/// <c>scalewise serve</c>'s stack started in-process (Azurite, the simulator with the demo fleet, the local host with the API
/// and dashboard) and Debian's headless chromium driven by Playwright. One policy tick runs at the start and every
/// procedure it starts is waited for, so the fleet has capacities and nothing moves unless a test moves it; the timers
/// do not run, so what each test sees follows from what it does.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private ServeRun? serve;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public ServeRun Serve => serve ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where each test writes the screenshot of its view (the test output folder's <c>screenshots</c>).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The dashboard's browser tests need Debian's chromium at {ChromiumPath}: install it with `sudo apt-get install -y chromium` (.ci/run installs it).");
        }

        Directory.CreateDirectory(ScreenshotFolder);

        // A procedure takes seconds on the compressed clock; every wait is on page state, bounded by this.
        Assertions.SetDefaultExpectTimeout(90_000);
        serve = await ServeRun.StartAsync(new ServeOptions(Speed: 60, Port: 0, RunFor: null, StorageConnectionString: null), CancellationToken.None);
        var client = serve.Services.GetRequiredService<DurableTaskClient>();
        await serve.Services.GetRequiredService<TimerJobs>().EvaluatePoliciesAsync(client, CancellationToken.None);
        using var settled = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        foreach (var instanceId in (await RunningProcedures.QueryAsync(client, settled.Token)).Keys)
        {
            await client.WaitForInstanceCompletionAsync(instanceId, settled.Token);
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A new page at the dashboard's <paramref name="route"/> (<c>#/fleet</c>, <c>#/target/vmss-api</c>, ...).</summary>
    public async Task<IPage> OpenAsync(string route)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(new Uri(Serve.DashboardUri, route).ToString());
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string view) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"dashboard-{view}.png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (serve is not null)
        {
            await serve.DisposeAsync();
        }
    }
}
