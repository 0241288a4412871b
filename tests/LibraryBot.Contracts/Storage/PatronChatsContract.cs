using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Contracts.Storage;

/// <summary>
/// What every <see cref="IPatronChats"/> guarantees: the chats where a patron's card is linked (exactly that patron, the
/// card in use first), and the WhatsApp chats at a phone number (exactly that number, no other channel).
/// </summary>
public abstract class PatronChatsContract : StorageContract
{
    private IPatronChats Chats => Subject.Console.Chats;

    [Fact]
    public async Task LinkedToAsync_FindsEveryChatWithThatPatronsCardAndNoOther()
    {
        var family = State("es");
        LinkedCards.Link(family, new LinkedCard("p-12", "Ana", "••••5678"));
        LinkedCards.Link(family, new LinkedCard("p-77", "Ben", "••••0001"));
        await SaveAsync(Patron("34600111222"), family);
        var wechat = State("zh-Hans");
        LinkedCards.Link(wechat, new LinkedCard("p-12", "Ana", "••••5678"));
        await SaveAsync(new ConversationRef(ChannelId.WeChat, "gh_library", "o-ana"), wechat);
        var other = State();
        LinkedCards.Link(other, new LinkedCard("p-123", "Chi", "••••9999"));
        await SaveAsync(Patron("34600999888"), other);

        var chats = (await Chats.LinkedToAsync("p-12", Ct)).OrderBy(c => c.Address.Key, StringComparer.Ordinal).ToList();

        Assert.Equal(new[] { new ConversationRef(ChannelId.WeChat, "gh_library", "o-ana").Key, Patron("34600111222").Key }.Order(StringComparer.Ordinal),
            chats.Select(c => c.Address.Key));
        var whatsapp = chats.Single(c => c.Address.Channel == ChannelId.WhatsApp);
        Assert.Equal(("es", "p-77", 2), (whatsapp.Locale, whatsapp.Cards[0].PatronId, whatsapp.Cards.Count));
        Assert.Empty(await Chats.LinkedToAsync("p-1", Ct));
    }

    [Fact]
    public async Task WithPhoneAsync_FindsTheWhatsAppChatsAtThatNumberOnly()
    {
        await SaveAsync(Patron("34600111222"), State("vi"));
        await SaveAsync(new ConversationRef(ChannelId.WhatsApp, "15550002222", "34600111222"), State());
        await SaveAsync(Patron("134600111222"), State());
        await SaveAsync(new ConversationRef(ChannelId.Sms, "15550003333", "34600111222"), State());

        var chats = await Chats.WithPhoneAsync("34600111222", Ct);

        Assert.Equal(["15550001111", "15550002222"], chats.Select(c => c.Address.AccountId).Order(StringComparer.Ordinal));
        Assert.All(chats, c => Assert.Equal(ChannelId.WhatsApp, c.Address.Channel));
        Assert.Equal("vi", chats.Single(c => c.Address.AccountId == "15550001111").Locale);
        Assert.Empty(await Chats.WithPhoneAsync("4600111222", Ct));
    }

    private Task<string> SaveAsync(ConversationRef address, ConversationState state) =>
        Conversations.CommitTurnAsync(new TurnCommit(address.Key, null, state, [], null), Ct);
}
