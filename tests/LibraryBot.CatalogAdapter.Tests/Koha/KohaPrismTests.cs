using System.Net;
using System.Text;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>
/// Every KohaCatalogue operation against Prism serving Koha's own OpenAPI spec: Prism answers 400 to any request
/// that does not conform (wrong types, unknown body fields, missing required parameters), so each test asserts
/// that every call LibraryBot made was answered 2xx. Prism's bodies are generated from Koha's schemas (ids 0).
/// </summary>
public sealed class KohaPrismTests(PrismFixture prism) : IClassFixture<PrismFixture>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KohaTestHost? _host;

    private KohaTestHost Host => _host ??= KohaTestHost.Create(prism.BaseUrl);

    public void Dispose() => _host?.Dispose();

    [Fact]
    public async Task Prism_WhenRequestBreaksKohaSpec_Answers400()
    {
        SkipIfNoSpec();
        using var http = new HttpClient { BaseAddress = prism.BaseUrl };
        using var body = new StringContent("""{"patron_id":1,"biblio_id":1}""", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/holds", UriKind.Relative), body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenCalledAgainstKohaSpec_SendsConformingRequests()
    {
        SkipIfNoSpec();

        var result = await Host.Catalogue.AuthenticateAsync("23529000035676", "secret", Ct);

        // Prism's generated patron is restricted, so the answer is a refusal; what matters is the requests.
        Assert.Equal(AuthFailure.Blocked, result.Failure);
        AssertConforming("POST /auth/password/validation", "GET /patrons/0");
        Assert.All(Host.Calls, c => Assert.StartsWith("Basic ", c.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAccountAsync_WhenCalledAgainstKohaSpec_SendsConformingRequests()
    {
        SkipIfNoSpec();

        var account = await Host.Catalogue.GetAccountAsync("0", Ct);

        Assert.Single(account.Loans);
        Assert.Single(account.Holds);
        AssertConforming("GET /patrons/0", "GET /checkouts?patron_id=0&_page=1&_per_page=50", "GET /items/0", "GET /biblios/0",
            "GET /checkouts/0/allows_renewal", "GET /holds?patron_id=0&_page=1&_per_page=50", "GET /libraries?_page=1&_per_page=50");
    }

    [Fact]
    public async Task RenewAsync_WhenCalledAgainstKohaSpec_SendsConformingRequests()
    {
        SkipIfNoSpec();

        var outcome = await Host.Catalogue.RenewAsync("0", "0", Ct);

        Assert.True(outcome.Renewed);
        Assert.Equal(new DateOnly(2019, 8, 24), outcome.NewDueDate);
        AssertConforming("GET /checkouts/0", "POST /checkouts/0/renewal");
    }

    [Fact]
    public async Task RenewAllAsync_WhenCalledAgainstKohaSpec_SendsConformingRequests()
    {
        SkipIfNoSpec();

        var outcomes = await Host.Catalogue.RenewAllAsync("0", Ct);

        Assert.True(Assert.Single(outcomes).Renewed);
        AssertConforming("GET /checkouts?patron_id=0&_page=1&_per_page=50", "POST /checkouts/0/renewal");
    }

    [Fact]
    public async Task PlaceHoldAsync_WhenCalledAgainstKohaSpec_SendsConformingRequests()
    {
        SkipIfNoSpec();

        var outcome = await Host.Catalogue.PlaceHoldAsync("0", "12", "CPL", Ct);

        Assert.True(outcome.Success);
        Assert.Equal("0", outcome.HoldId);
        AssertConforming("POST /holds");
    }

    [Fact]
    public async Task CancelHoldAsync_WhenCalledAgainstKohaSpec_SendsConformingRequests()
    {
        SkipIfNoSpec();

        var outcome = await Host.Catalogue.CancelHoldAsync("0", "0", Ct);

        Assert.True(outcome.Success);
        AssertConforming("GET /holds?patron_id=0&hold_id=0&_page=1&_per_page=1", "DELETE /holds/0");
    }

    [Fact]
    public async Task GetBranchesAsync_WhenCalledAgainstKohaSpec_SendsConformingRequests()
    {
        SkipIfNoSpec();

        var branches = await Host.Catalogue.GetBranchesAsync(Ct);

        Assert.Equal("string", Assert.Single(branches).BranchId);
        AssertConforming("GET /libraries?_page=1&_per_page=50");
    }

    [Fact]
    public async Task GetPickupBranchesAsync_WhenCalledAgainstKohaSpec_SendsConformingRequests()
    {
        SkipIfNoSpec();

        // Prism's generated library has needs_override=true, which LibraryBot leaves out.
        var branches = await Host.Catalogue.GetPickupBranchesAsync("12", "0", Ct);

        Assert.Empty(branches);
        AssertConforming("GET /biblios/12/pickup_locations?patron_id=0&_page=1&_per_page=50");
    }

    private void SkipIfNoSpec()
    {
        if (prism.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private void AssertConforming(params string[] expected)
    {
        var calls = Host.Calls.ToList();
        Assert.All(calls, c => Assert.True(c.Status is >= 200 and < 300, $"Koha's spec rejected {c}"));
        var made = calls.Select(c => $"{c.Method} {c.PathAndQuery}").ToList();
        Assert.All(expected, e => Assert.Contains(e, made));
    }
}
