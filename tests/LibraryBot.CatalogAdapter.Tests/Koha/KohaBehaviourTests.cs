using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using LibraryBot.CatalogAdapter.Koha;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>How KohaCatalogue reads Koha's answers: refusal reasons, hold statuses, paging, failures.</summary>
public sealed class KohaBehaviourTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"error":"Renewal not authorized (too_many)"}""", OutcomeReason.TooManyRenewals)]
    [InlineData("""{"error":"Renewal not authorized (on_reserve)"}""", OutcomeReason.OnHoldForAnotherPatron)]
    [InlineData("""{"error":"Renewal not authorized (restriction)"}""", OutcomeReason.PatronBlocked)]
    [InlineData("""{"error":"Renewal not authorized (overdue)"}""", OutcomeReason.Overdue)]
    [InlineData("""{"error":"Renewal not authorized (too_soon)"}""", OutcomeReason.NotRenewable)]
    [InlineData("""{"error":"Renewal not authorized (booked)","error_code":"booked"}""", OutcomeReason.NotRenewable)]
    public async Task RenewAsync_WhenKohaAnswers403_MapsReasonAndKeepsKohaMessage(string refusal, OutcomeReason expected)
    {
        using var host = Stubbed((request, _) => (request.Method.Method, request.RequestUri!.AbsolutePath) switch
        {
            ("GET", "/api/v1/checkouts/1") => Json(HttpStatusCode.OK,
                """{"checkout_id":1,"patron_id":51,"item_id":null,"external_id":"39999000101","due_date":"2026-12-01T23:59:00-05:00","renewals_count":0}"""),
            ("POST", "/api/v1/checkouts/1/renewal") => Json(HttpStatusCode.Forbidden, refusal),
            _ => Json(HttpStatusCode.NotFound, """{"error":"unexpected"}"""),
        });

        var outcome = await host.Catalogue.RenewAsync("51", "1", Ct);

        Assert.False(outcome.Renewed);
        Assert.Equal(expected, outcome.Reason);
        Assert.StartsWith("Renewal not authorized (", outcome.LibraryMessage, StringComparison.Ordinal);
        Assert.Equal("39999000101", outcome.Title);
    }

    [Fact]
    public async Task GetAccountAsync_WhenHoldsHaveKohaStatuses_MapsWaitingTransitAndReady()
    {
        using var host = KohaCatalogueTests.CreateHost(new FakeKoha());

        var holds = (await host.Catalogue.GetAccountAsync("51", Ct)).Holds.ToDictionary(h => h.HoldId);

        Assert.Equal(new Hold("7001", "102", "The fellowship of the ring", HoldStatus.Waiting, "MPL", "Midway", null, 2), holds["7001"]);
        Assert.Equal(new Hold("7002", "105", "The silmarillion", HoldStatus.Ready, "CPL", "Centerville", new DateOnly(2026, 11, 27), null), holds["7002"]);
        Assert.Equal(HoldStatus.InTransit, holds["7003"].Status);
        Assert.Null(holds["7003"].QueuePosition);
    }

    [Fact]
    public async Task GetAccountAsync_WhenCheckoutsSpanPages_FollowsPagesUntilTotalCount()
    {
        using var host = KohaCatalogueTests.CreateHost(new FakeKoha(), new Dictionary<string, string?> { ["Catalog:Koha:PageSize"] = "3" });

        var account = await host.Catalogue.GetAccountAsync("51", Ct);

        Assert.Equal(["5001", "5002", "5003", "5004"], account.Loans.Select(l => l.LoanId));
        var pages = host.Calls.Where(c => c.PathAndQuery.StartsWith("/api/v1/checkouts?", StringComparison.Ordinal)).Select(c => c.PathAndQuery);
        Assert.Equal(["/api/v1/checkouts?patron_id=51&_page=1&_per_page=3", "/api/v1/checkouts?patron_id=51&_page=2&_per_page=3"], pages);
        var limit = account.Loans.Single(l => l.LoanId == "5002");
        Assert.Equal((3, 0, "too_many"), (limit.RenewalsUsed, limit.RenewalsLeft, limit.NotRenewableMessage));
        Assert.Equal(new DateOnly(2026, 12, 1), account.Loans[0].DueDate);
    }

    [Fact]
    public async Task GetBranchesAsync_WhenHoursAreConfigured_CombinesKohaLibrariesWithConfiguredHours()
    {
        using var host = KohaCatalogueTests.CreateHost(new FakeKoha());

        var branches = (await host.Catalogue.GetBranchesAsync(Ct)).ToDictionary(b => b.BranchId);

        var central = branches["CPL"];
        Assert.Equal(("Centerville", "101 Main St, 44240, Centerville, USA", "555-0101", 41.15, -81.35, "America/New_York"),
            (central.Name, central.Address, central.Phone, central.Latitude!.Value, central.Longitude!.Value, central.TimeZone));
        Assert.Contains(new OpeningHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(20, 0)), central.Weekly);
        Assert.Equal(new HoursException(new DateOnly(2026, 12, 25), null, null, "Christmas Day"), Assert.Single(central.Exceptions));
        Assert.Null(branches["FFL"].Latitude);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenCardHasExpired_RefusesWithExpiryDate()
    {
        using var host = KohaCatalogueTests.CreateHost(new FakeKoha());

        var result = await host.Catalogue.AuthenticateAsync("23529000011111", "2222", Ct);

        Assert.Equal(AuthFailure.Expired, result.Failure);
        Assert.Equal("The card expired on 2025-01-31.", result.LibraryMessage);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenUserIdGiven_UsesPreferredNameOtherwiseFirstName()
    {
        using var host = KohaCatalogueTests.CreateHost(new FakeKoha());

        var result = await host.Catalogue.AuthenticateAsync("hlovelace", "4321", Ct);

        Assert.Equal(AuthResult.Ok("51", "Henrietta"), result);
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenCalled_SendsOnlyFieldsKohaAccepts()
    {
        var koha = new FakeKoha();
        using var host = KohaCatalogueTests.CreateHost(koha);

        var outcome = await host.Catalogue.PlaceHoldAsync("51", "103", "MPL", Ct);

        Assert.Equal(new HoldOutcome(true, "8000", QueuePosition: 1), outcome);
    }

    [Fact]
    public async Task CancelHoldAsync_WhenHoldBelongsToAnotherPatron_RefusesWithoutDeleting()
    {
        using var host = KohaCatalogueTests.CreateHost(new FakeKoha());

        var outcome = await host.Catalogue.CancelHoldAsync("51", "7100", Ct);

        Assert.Equal(OutcomeReason.NotFound, outcome.Reason);
        Assert.DoesNotContain(host.Calls, c => c.Method == HttpMethod.Delete);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, CatalogueErrorKind.Unauthorized)]
    [InlineData(HttpStatusCode.InternalServerError, CatalogueErrorKind.Unavailable)]
    [InlineData(HttpStatusCode.UnprocessableEntity, CatalogueErrorKind.Protocol)]
    public async Task GetBranchesAsync_WhenKohaFails_ThrowsMatchingKind(HttpStatusCode status, CatalogueErrorKind expected)
    {
        using var host = Stubbed((_, _) => Json(status, """{"error":"Something"}"""));

        var error = await Assert.ThrowsAsync<CatalogueException>(() => host.Catalogue.GetBranchesAsync(Ct));

        Assert.Equal(expected, error.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenKohaAnswers401_RefusesAsWrongCredentials()
    {
        using var host = Stubbed((_, _) => Json(HttpStatusCode.Unauthorized, """{"error":"Authentication failure."}"""));

        var result = await host.Catalogue.AuthenticateAsync("23529000035676", "4321", Ct);

        Assert.Equal(AuthResult.Refused(AuthFailure.WrongCredentials, "Authentication failure."), result);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenApiUserLacksPermission_ThrowsUnauthorized()
    {
        using var host = Stubbed((_, _) => Json(HttpStatusCode.Forbidden, """{"error":"Authorization failure. Missing required permission(s)."}"""));

        var error = await Assert.ThrowsAsync<CatalogueException>(() => host.Catalogue.AuthenticateAsync("23529000035676", "4321", Ct));

        Assert.Equal(CatalogueErrorKind.Unauthorized, error.Kind);
        Assert.Contains("Missing required permission", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenKohaUnreachable_ThrowsUnavailableWithoutRetryingPost()
    {
        var stub = new StubHttpHandler((_, _) => throw new HttpRequestException("connection refused"));
        using var host = KohaTestHost.Create(new Uri("http://koha.test/api/v1"), primaryHandler: () => stub);

        var error = await Assert.ThrowsAsync<CatalogueException>(() => host.Catalogue.AuthenticateAsync("c", "p", Ct));

        Assert.Equal(CatalogueErrorKind.Unavailable, error.Kind);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task GetBranchesAsync_WhenKohaIsTooSlow_ThrowsTimeout()
    {
        var stub = new StubHttpHandler((_, _) => Json(HttpStatusCode.OK, "[]")) { Delay = TimeSpan.FromSeconds(5) };
        using var host = KohaTestHost.Create(new Uri("http://koha.test/api/v1"),
            new Dictionary<string, string?> { ["Catalog:Koha:TimeoutMs"] = "600" }, () => stub);

        var error = await Assert.ThrowsAsync<CatalogueException>(() => host.Catalogue.GetBranchesAsync(Ct));

        Assert.Equal(CatalogueErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public void Options_WhenOAuth2WithoutSecret_FailNamingTheKey()
    {
        using var host = Stubbed((_, _) => Json(HttpStatusCode.OK, "[]"), new Dictionary<string, string?>
        {
            ["Catalog:Koha:AuthMode"] = "OAuth2",
            ["Catalog:Koha:ClientId"] = "librarybot",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<KohaOptions>>().Value);

        Assert.Contains("Catalog:Koha:ClientSecret: must not be empty when AuthMode is OAuth2", error.Failures);
    }

    internal static KohaTestHost Stubbed(Func<HttpRequestMessage, string?, HttpResponseMessage> respond, IDictionary<string, string?>? settings = null)
    {
        var stub = new StubHttpHandler(respond);
        return KohaTestHost.Create(new Uri("http://koha.test/api/v1"), settings, () => stub);
    }

    internal static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
