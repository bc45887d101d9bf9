namespace Scalewise.Azure.Arm;

/// <summary>Hands out one fixed bearer token, for local runs against the simulator and for tests.</summary>
internal sealed class StaticTokenCredential(string token) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, DateTimeOffset.MaxValue);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(new AccessToken(token, DateTimeOffset.MaxValue));
}
