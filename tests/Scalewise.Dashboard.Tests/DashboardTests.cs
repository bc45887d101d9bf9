using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Scalewise.Cli.Local;
using Scalewise.Core.Serialization;
using Scalewise.Orchestrations.Api;
using static Microsoft.Playwright.Assertions;

namespace Scalewise.Dashboard.Tests;

/// <summary>
/// The dashboard in headless chromium against <c>scalewise serve</c>'s stack: each test waits on what the page shows (rows,
/// chart data, statuses), never on a fixed sleep, and writes a screenshot of its view.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture dashboard)
{
    private static readonly string[] FleetIds = [DemoFleet.ManagedRedis, DemoFleet.Cache, DemoFleet.AppVm, DemoFleet.ApiScaleSet, DemoFleet.WebScaleSet];

    [Fact]
    public async Task Fleet_Opened_ListsEveryTargetWithItsKindAndCapacity()
    {
        var page = await dashboard.OpenAsync("#/fleet");
        var rows = page.Locator("#fleet tbody tr");

        await Expect(rows).ToHaveCountAsync(FleetIds.Length);

        Assert.Equal(FleetIds, await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.target)"));
        var api = await TargetAsync(DemoFleet.ApiScaleSet);
        await Expect(page.Locator($"tr[data-target='{DemoFleet.ApiScaleSet}'] td.capacity")).ToHaveTextAsync(api.Capacity!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator($"tr[data-target='{DemoFleet.AppVm}']")).ToContainTextAsync("VirtualMachine");
        await DashboardFixture.ScreenshotAsync(page, "fleet");
    }

    [Fact]
    public async Task Target_ScaledByHandFromItsPage_ChartShowsTheCapacityChange()
    {
        var before = (await TargetAsync(DemoFleet.ApiScaleSet)).Capacity!.Value;
        var wanted = before + 2;
        var page = await dashboard.OpenAsync($"#/target/{DemoFleet.ApiScaleSet}");
        var chart = page.Locator("#capacity-chart");
        await Expect(chart).ToHaveAttributeAsync("data-last-capacity", $"{before}");

        await page.FillAsync("#scale-value", $"{wanted}");
        await page.ClickAsync("#scale-form button[type=submit]");

        await Expect(page.Locator("#scale-result")).ToContainTextAsync("started");
        await Expect(chart).ToHaveAttributeAsync("data-last-capacity", $"{wanted}");
        await Expect(page.Locator("#capacity-now")).ToHaveTextAsync($"{wanted}");
        var capacities = (await chart.GetAttributeAsync("data-capacities"))!.Split(',').Select(int.Parse).ToList();
        Assert.Contains(before, capacities[..^1]);
        Assert.Equal(wanted, (await TargetAsync(DemoFleet.ApiScaleSet)).Capacity);
        await DashboardFixture.ScreenshotAsync(page, "target");
    }

    [Fact]
    public async Task Procedures_WaitingForApprovalApprovedFromThePage_Completes()
    {
        var before = (await TargetAsync(DemoFleet.WebScaleSet)).Capacity!.Value;
        var wanted = before + 4; // More than the policy's approval threshold of 3 instances.
        using var http = new HttpClient { BaseAddress = dashboard.Serve.BaseUri };
        var page = await dashboard.OpenAsync("#/procedures");
        var succeeded = page.Locator("tr[data-instance='scale-vmss-web'][data-status='Succeeded']");
        await Expect(page.Locator("#procedures")).ToBeVisibleAsync();
        var succeededBefore = await succeeded.CountAsync();

        using var scale = await http.PostAsJsonAsync($"/api/targets/{DemoFleet.WebScaleSet}/scale", new { capacity = wanted, reason = "browser test" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, scale.StatusCode);
        var approve = page.Locator("button.approve[data-instance='scale-vmss-web']");
        await Expect(approve).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-instance='scale-vmss-web'][data-status='WaitingForApproval']")).ToContainTextAsync("waiting for approval");
        await DashboardFixture.ScreenshotAsync(page, "procedures");
        await approve.ClickAsync();

        await Expect(succeeded).ToHaveCountAsync(succeededBefore + 1);
        await Expect(approve).ToHaveCountAsync(0);
        await Expect(succeeded.First).ToContainTextAsync("approved by dashboard");
        Assert.Equal(wanted, (await TargetAsync(DemoFleet.WebScaleSet)).Capacity);
    }

    [Fact]
    public async Task Policies_NewVersionStored_ShowsTheDocumentAndWhatChanged()
    {
        using var http = new HttpClient { BaseAddress = dashboard.Serve.BaseUri };
        var document = JsonNode.Parse(await http.GetStringAsync($"/api/policies/{DemoFleet.ApiScaleSet}"))!;
        var maximum = document["capacity"]!["maximum"]!.GetValue<int>();
        document["capacity"]!["maximum"] = maximum - 10;
        using (var put = await http.PutAsync($"/api/policies/{DemoFleet.ApiScaleSet}", new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
        {
            put.EnsureSuccessStatusCode();
        }

        var page = await dashboard.OpenAsync("#/policies");
        await page.ClickAsync($"a[data-policy='{DemoFleet.ApiScaleSet}']");

        await Expect(page.Locator("#policy-diff .del")).ToContainTextAsync($"\"maximum\": {maximum}");
        await Expect(page.Locator("#policy-diff .add")).ToContainTextAsync($"\"maximum\": {maximum - 10}");
        await Expect(page.Locator("#policy-document")).ToContainTextAsync("cpu-high");
        await DashboardFixture.ScreenshotAsync(page, "policies");
    }

    private async Task<TargetSummary> TargetAsync(string id)
    {
        using var http = new HttpClient { BaseAddress = dashboard.Serve.BaseUri };
        var list = await http.GetFromJsonAsync<TargetList>("/api/targets", ScalewiseJson.Options);
        return list!.Value.Single(t => t.Id == id);
    }
}
