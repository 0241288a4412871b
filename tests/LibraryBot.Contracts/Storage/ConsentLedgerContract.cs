using LibraryBot.Bot.Consent;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Contracts.Storage;

/// <summary>What every <see cref="IConsentLedger"/> guarantees: append-only history, latest event wins, addresses only as keyed hashes.</summary>
public abstract class ConsentLedgerContract : StorageContract
{
    private IConsentLedger Ledger => Subject.Consent;

    [Fact]
    public async Task History_WhenEventsAppended_ListsThemOldestFirstWithEverythingRecorded()
    {
        var ana = Patron("34600111222");
        await Ledger.AppendAsync(ana, Record(ConsentPurposes.Notices, ConsentAction.Grant, "¿Quieres avisos?", "es"), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Ledger.AppendAsync(ana, Record(ConsentPurposes.Notices, ConsentAction.Withdraw, "Hecho: no más avisos.", "es"), Ct);

        var history = await Ledger.HistoryAsync(ana, Ct);

        Assert.Equal([ConsentAction.Grant, ConsentAction.Withdraw], history.Select(e => e.Record.Action));
        Assert.Equal(StorageSubject.Start.AddMinutes(5), history[1].Record.At);
        Assert.Equal(("Hecho: no más avisos.", "v1", "es", ConsentSource.Chat, "patron"),
            (history[1].Record.Wording, history[1].Record.WordingVersion, history[1].Record.Language, history[1].Record.Source, history[1].Record.Actor));
        Assert.All(history, e => Assert.Equal(ChannelId.WhatsApp, e.Channel));
        Assert.True(history[0].Id < history[1].Id);
    }

    [Fact]
    public async Task Hash_IsStableKeyedAndNeverTheAddress()
    {
        var ana = Patron("34600111222");
        var hash = await Ledger.HashAsync(ana, Ct);

        Assert.Equal(hash, await Ledger.HashAsync(ana, Ct));
        Assert.NotEqual(hash, await Ledger.HashAsync(Patron("34600111223"), Ct));
        Assert.DoesNotContain("34600111222", hash, StringComparison.Ordinal);
        // Keyed: not the plain SHA-256 of the conversation key, which anyone could compute by trying numbers.
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ana.Key))), hash);
        await Ledger.AppendAsync(ana, Record(ConsentPurposes.News, ConsentAction.Grant), Ct);
        Assert.Equal(hash, Assert.Single(await Ledger.HistoryAsync(ana, Ct)).AddressHash);
    }

    [Fact]
    public async Task Granted_WhenTheLatestEventPerAddressDecides_ListsOnlyCurrentGrantsOfThatPurpose()
    {
        var ana = Patron("ana");
        var ben = Patron("ben");
        var chi = Patron("chi");
        await Ledger.AppendAsync(ana, Record(ConsentPurposes.Notices, ConsentAction.Grant), Ct);
        await Ledger.AppendAsync(ben, Record(ConsentPurposes.Notices, ConsentAction.Grant), Ct);
        await Ledger.AppendAsync(ben, Record(ConsentPurposes.Notices, ConsentAction.Withdraw), Ct);
        await Ledger.AppendAsync(chi, Record(ConsentPurposes.Notices, ConsentAction.Withdraw), Ct);
        await Ledger.AppendAsync(chi, Record(ConsentPurposes.Notices, ConsentAction.Grant), Ct);
        await Ledger.AppendAsync(chi, Record(ConsentPurposes.News, ConsentAction.Withdraw), Ct);

        var notices = await Ledger.GrantedAsync(ConsentPurposes.Notices, Ct);
        var news = await Ledger.GrantedAsync(ConsentPurposes.News, Ct);

        Assert.Equal(new[] { await Ledger.HashAsync(ana, Ct), await Ledger.HashAsync(chi, Ct) }.Order(), notices.Order());
        Assert.Empty(news);
    }

    [Fact]
    public async Task Latest_PerAddress_GivesTheLastEventOfThePurposeWithItsSource()
    {
        var ana = Patron("ana");
        var ben = Patron("ben");
        await Ledger.AppendAsync(ana, Record("news:events", ConsentAction.Grant), Ct);
        await Ledger.AppendAsync(ben, Record("news:events", ConsentAction.Grant), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Ledger.AppendAsync(ben, Record("news:events", ConsentAction.Withdraw) with { Source = ConsentSource.StopWord }, Ct);
        await Ledger.AppendAsync(ben, Record("news:children", ConsentAction.Grant), Ct);

        var latest = await Ledger.LatestAsync("news:events", Ct);

        Assert.Equal(2, latest.Count);
        Assert.Equal(new ConsentLatest(true, ConsentSource.Chat, StorageSubject.Start), latest[await Ledger.HashAsync(ana, Ct)]);
        Assert.Equal(new ConsentLatest(false, ConsentSource.StopWord, StorageSubject.Start.AddMinutes(1)), latest[await Ledger.HashAsync(ben, Ct)]);
        Assert.Empty(await Ledger.LatestAsync("news:reading-clubs", Ct));
    }

    [Fact]
    public async Task History_WhenAnotherAddress_IsEmpty()
    {
        await Ledger.AppendAsync(Patron("ana"), Record(ConsentPurposes.Notices, ConsentAction.Grant), Ct);

        Assert.Empty(await Ledger.HistoryAsync(Patron("ben"), Ct));
        Assert.Empty(await Ledger.HistoryAsync(new ConversationRef(ChannelId.WeChat, "15550001111", "ana"), Ct));
    }

    private ConsentRecord Record(string purpose, ConsentAction action, string? wording = null, string? language = null) =>
        new(purpose, action, Clock.GetUtcNow(), ConsentSource.Chat, "patron", wording, "v1", language);
}
