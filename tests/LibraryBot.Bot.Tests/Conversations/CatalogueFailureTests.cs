using LibraryBot.Bot.Tests.Support;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>When the library system is down, the patron hears so and is offered a librarian (not a generic error).</summary>
public sealed class CatalogueFailureTests : IAsyncLifetime
{
    private TestBot _bot = null!;

    public ValueTask InitializeAsync()
    {
        _bot = TestBot.Create(s =>
        {
            s.AddSingleton<ICatalogue, UnreachableLibrarySystem>();
            s.AddSingleton<ICatalogueSearch>(sp => sp.GetRequiredService<ICatalogue>());
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData("search moby dick")]
    [InlineData("hours")]
    [InlineData("Frankenstein")]
    public async Task Turn_WhenTheCatalogueFails_ApologisesAndOffersALibrarian(string message)
    {
        var replies = (await _bot.SendAsync(message)).Plain();
        Assert.Contains("the library system is not answering right now", replies, StringComparison.Ordinal);
        Assert.Contains("pass this chat to a librarian", replies, StringComparison.Ordinal);

        Assert.Contains("I've asked a librarian", (await _bot.SendAsync("yes")).Plain(), StringComparison.Ordinal);
        Assert.Equal(LibraryBot.Bot.Engine.EscalationReason.NeedsStaff, (await _bot.StateAsync())!.Escalation!.Reason);
    }

    [Fact]
    public async Task Linking_WhenTheCatalogueFailsAtThePin_ApologisesAndKeepsNoCard()
    {
        await _bot.SendAsync("link card");
        await _bot.SendAsync("29000100000011");
        Assert.Contains("not answering", (await _bot.SendAsync("1234")).Plain(), StringComparison.Ordinal);
        var state = await _bot.StateAsync();
        Assert.DoesNotContain(state!.Values, v => v.Key.StartsWith("cards", StringComparison.Ordinal));
    }

    /// <summary>A library system that cannot be reached: every call fails as the adapters report it.</summary>
    private sealed class UnreachableLibrarySystem : ICatalogue
    {
        private static CatalogueException Down() => new(CatalogueErrorKind.Unavailable, "connection refused");

        public Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => throw Down();

        public Task<CatalogueRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken) => throw Down();

        public Task<AuthResult> AuthenticateAsync(string cardNumberOrUserId, string pin, CancellationToken cancellationToken) => throw Down();

        public Task<PatronIdentity?> FindPatronByCardAsync(string cardNumber, CancellationToken cancellationToken) => throw Down();

        public Task<PatronAccount> GetAccountAsync(string patronId, CancellationToken cancellationToken) => throw Down();

        public Task<RenewalOutcome> RenewAsync(string patronId, string loanId, CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyList<RenewalOutcome>> RenewAllAsync(string patronId, CancellationToken cancellationToken) => throw Down();

        public Task<HoldOutcome> PlaceHoldAsync(string patronId, string recordId, string pickupBranchId, CancellationToken cancellationToken) => throw Down();

        public Task<HoldOutcome> CancelHoldAsync(string patronId, string holdId, CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyList<Branch>> GetBranchesAsync(CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyList<Branch>> GetPickupBranchesAsync(string recordId, string patronId, CancellationToken cancellationToken) => throw Down();
    }
}
