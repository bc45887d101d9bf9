namespace Scalewise.Infrastructure.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledMainTemplate compiled)
{
    private ArmResource FunctionApp => compiled.Single("Microsoft.Web/sites");

    [Fact]
    public void FunctionApp_Compiled_IsHttpsOnly()
    {
        Assert.True((bool)FunctionApp.Properties["httpsOnly"]!);
    }

    [Fact]
    public void Plan_Compiled_IsFlexConsumptionFc1()
    {
        var plan = compiled.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string)plan.Body["sku"]!["name"]!);
        Assert.Equal("FlexConsumption", (string)plan.Body["sku"]!["tier"]!);
        Assert.True((bool)plan.Properties["reserved"]!);
    }

    [Fact]
    public void FunctionApp_Compiled_RunsDotnetIsolated10()
    {
        var runtime = FunctionApp.Properties["functionAppConfig"]!["runtime"]!;

        Assert.Equal("dotnet-isolated", (string)runtime["name"]!);
        Assert.Equal("10.0", (string)runtime["version"]!);
    }

    [Fact]
    public void FunctionApp_Compiled_DeploysFromBlobContainerWithTheManagedIdentity()
    {
        var storage = FunctionApp.Properties["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string)storage["type"]!);
        Assert.Equal("UserAssignedIdentity", (string)storage["authentication"]!["type"]!);
        Assert.Equal("UserAssigned", (string)FunctionApp.Body["identity"]!["type"]!);
    }

    [Fact]
    public void AppSettings_Compiled_ConnectToStorageWithTheManagedIdentity()
    {
        var settings = CompiledAppSettings.Literal(compiled);

        foreach (var name in new[]
        {
            "AzureWebJobsStorage__blobServiceUri",
            "AzureWebJobsStorage__queueServiceUri",
            "AzureWebJobsStorage__tableServiceUri",
            "AzureWebJobsStorage__clientId",
        })
        {
            Assert.True(settings.ContainsKey(name), $"{name} is missing from the app settings.");
        }

        Assert.Equal("managedidentity", (string)settings["AzureWebJobsStorage__credential"]!);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage must not be a connection string.");
    }

    [Fact]
    public void Template_Compiled_NeverReadsOrWritesAStorageAccountKey()
    {
        var text = compiled.Template.ToJsonString();

        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AppSettings_Compiled_ProvideWhatTheTriggersAndTaskHubResolve()
    {
        var settings = CompiledAppSettings.Literal(compiled);

        // The timer trigger is %EvaluatePoliciesSchedule% and host.json's hubName is %DurableTaskHubName%:
        // a missing setting stops the host from indexing the functions.
        Assert.True(settings.ContainsKey("EvaluatePoliciesSchedule"));
        Assert.True(settings.ContainsKey("DurableTaskHubName"));
        Assert.True(settings.ContainsKey("Scalewise__Tables__ServiceUri"));
        Assert.True(settings.ContainsKey("Scalewise__Arm__ManagedIdentityClientId"));
    }

    [Fact]
    public void AppSettings_Compiled_LeaveOutWhatFlexConsumptionRejectsOrOnlyTheSimulatorUses()
    {
        var names = CompiledAppSettings.Names(compiled);

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", names);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", names);
        Assert.DoesNotContain("Scalewise__Arm__StaticBearerToken", names);
        Assert.DoesNotContain("Scalewise__Arm__TrustedCertificateThumbprint", names);
    }

    [Fact]
    public void AppSettings_Compiled_SendTelemetryWithEntraIdAuthentication()
    {
        var settings = CompiledAppSettings.Literal(compiled);

        Assert.True(settings.ContainsKey("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.Contains("Authorization=AAD", (string)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void WebhookSetting_KeyVaultEnabled_IsAKeyVaultReference()
    {
        var webhookSetting = FunctionApp.Deployment!.Properties["parameters"]!["notificationWebhookSetting"]!.ToJsonString();

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", webhookSetting, StringComparison.Ordinal);
        Assert.Contains("Scalewise__Notifications__WebhookUrl", CompiledAppSettings.Names(compiled), StringComparer.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)FunctionApp.Properties["keyVaultReferenceIdentity"]));
    }
}
