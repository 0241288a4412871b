using LibraryBot.CatalogAdapter;

namespace LibraryBot.CatalogAdapter.Tests.Embedded;

/// <summary>Card and PIN checks: lockout after 5 wrong PINs within 15 minutes, expired and blocked cards.</summary>
public sealed class EmbeddedAuthenticationTests : IAsyncLifetime
{
    private const string Card = "29000100000052";
    private const string Pin = "9999";
    private DemoLibrary library = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => library = await DemoLibrary.CreateAsync();

    public ValueTask DisposeAsync() => library.DisposeAsync();

    [Fact]
    public async Task AuthenticateAsync_WhenFiveWrongPinsWithinWindow_LocksCardEvenForRightPin()
    {
        var results = new List<AuthResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await library.Catalogue.AuthenticateAsync(Card, "0000", Ct));
            library.Time.Advance(TimeSpan.FromMinutes(2));
        }

        var withRightPin = await library.Catalogue.AuthenticateAsync(Card, Pin, Ct);

        Assert.All(results.Take(4), r => Assert.Equal(AuthFailure.WrongCredentials, r.Failure));
        Assert.Equal(AuthFailure.LockedOut, results[4].Failure);
        Assert.Equal(AuthFailure.LockedOut, withRightPin.Failure);
        Assert.Contains("try again in 5 minutes", withRightPin.LibraryMessage);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenLockoutWindowHasPassed_AcceptsRightPin()
    {
        for (var i = 0; i < 5; i++)
        {
            await library.Catalogue.AuthenticateAsync(Card, "0000", Ct);
        }

        library.Time.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await library.Catalogue.AuthenticateAsync(Card, Pin, Ct);
        library.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var unlocked = await library.Catalogue.AuthenticateAsync(Card, Pin, Ct);

        Assert.Equal(AuthFailure.LockedOut, stillLocked.Failure);
        Assert.True(unlocked.Success);
        Assert.Equal("p-0005", unlocked.PatronId);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenWrongPinsSpreadBeyondWindow_DoesNotLock()
    {
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(AuthFailure.WrongCredentials, (await library.Catalogue.AuthenticateAsync(Card, "0000", Ct)).Failure);
            library.Time.Advance(TimeSpan.FromMinutes(4));
        }

        Assert.True((await library.Catalogue.AuthenticateAsync(Card, Pin, Ct)).Success);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenRightPinAfterFewFailures_ClearsCount()
    {
        for (var i = 0; i < 4; i++)
        {
            await library.Catalogue.AuthenticateAsync(Card, "0000", Ct);
        }

        Assert.True((await library.Catalogue.AuthenticateAsync(Card, Pin, Ct)).Success);
        Assert.Equal(AuthFailure.WrongCredentials, (await library.Catalogue.AuthenticateAsync(Card, "0000", Ct)).Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenCardExpired_RefusesWithExpired()
    {
        var result = await library.Catalogue.AuthenticateAsync("29000100000102", "5555", Ct);

        Assert.Equal(AuthFailure.Expired, result.Failure);
        Assert.StartsWith("Your library card expired on February 9, 2026", result.LibraryMessage);
    }

    [Theory]
    [InlineData("29000100000011", "1234", "Ana")]
    [InlineData("29000100000029", "2468", "Wei")]
    [InlineData("29000100000037", "1357", "Lan")]
    [InlineData("29000100000045", "8080", "Mei")]
    [InlineData("29000100000052", "9999", "Carlos")]
    [InlineData("29000100000060", "3141", "Emily")]
    [InlineData("29000100000078", "2222", "Minh")]
    [InlineData("29000100000086", "2718", "Priya")]
    [InlineData(" p-0001 ", "1234", "Ana")]
    public async Task AuthenticateAsync_WhenDemoPatronUsesDocumentedPin_Succeeds(string card, string pin, string firstName)
    {
        var result = await library.Catalogue.AuthenticateAsync(card, pin, Ct);

        Assert.True(result.Success, result.LibraryMessage);
        Assert.Equal(firstName, result.FirstName);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenBackgroundPatronHasNoPin_RefusesWithWrongCredentials()
    {
        var result = await library.Catalogue.AuthenticateAsync("29000200001001", string.Empty, Ct);

        Assert.Equal(AuthFailure.WrongCredentials, result.Failure);
    }
}
