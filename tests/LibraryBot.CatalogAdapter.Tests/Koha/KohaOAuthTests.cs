using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>OAuth2 client credentials against Koha's token endpoint (<c>POST /api/v1/oauth/token</c>).</summary>
public sealed class KohaOAuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_WhenOAuth2_RequestTokenOnceAndSendBearerUntilExpiry()
    {
        var tokens = 0;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var stub = new StubHttpHandler((request, body) => request.RequestUri!.AbsolutePath switch
        {
            "/api/v1/oauth/token" when body == "grant_type=client_credentials&client_id=librarybot&client_secret=s%3Dcr%26t" =>
                KohaBehaviourTests.Json(HttpStatusCode.OK, $$"""{"access_token":"tok-{{++tokens}}","token_type":"Bearer","expires_in":3600}"""),
            "/api/v1/libraries" => KohaBehaviourTests.Json(HttpStatusCode.OK, """[{"library_id":"CPL","name":"Centerville"}]"""),
            _ => KohaBehaviourTests.Json(HttpStatusCode.BadRequest, """{"error":"unexpected"}"""),
        });
        using var host = KohaTestHost.Create(new Uri("http://koha.test/api/v1"), new Dictionary<string, string?>
        {
            ["Catalog:Koha:AuthMode"] = "OAuth2",
            ["Catalog:Koha:ClientId"] = "librarybot",
            ["Catalog:Koha:ClientSecret"] = "s=cr&t",
        }, () => stub, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));

        await host.Catalogue.GetBranchesAsync(Ct);
        await host.Catalogue.GetBranchesAsync(Ct);
        time.Advance(TimeSpan.FromHours(1));
        await host.Catalogue.GetBranchesAsync(Ct);

        Assert.Equal(2, tokens);
        var bearers = host.Calls.Where(c => c.PathAndQuery.StartsWith("/api/v1/libraries", StringComparison.Ordinal)).Select(c => c.Authorization);
        Assert.Equal(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"], bearers);
    }

    [Fact]
    public async Task Calls_WhenTokenEndpointRefusesClient_ThrowUnauthorized()
    {
        var stub = new StubHttpHandler((_, _) => KohaBehaviourTests.Json(HttpStatusCode.Unauthorized, """{"error":"unauthorized_client"}"""));
        using var host = KohaTestHost.Create(new Uri("http://koha.test/api/v1"), new Dictionary<string, string?>
        {
            ["Catalog:Koha:AuthMode"] = "OAuth2",
            ["Catalog:Koha:ClientId"] = "librarybot",
            ["Catalog:Koha:ClientSecret"] = "wrong",
        }, () => stub);

        var error = await Assert.ThrowsAsync<CatalogueException>(() => host.Catalogue.GetBranchesAsync(Ct));

        Assert.Equal(CatalogueErrorKind.Unauthorized, error.Kind);
    }
}
