using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>Demo patrons on WhatsApp who link their card and answer the bot's offer of notices, through the real webhooks.</summary>
internal static class NoticePatrons
{
    /// <summary>A new WhatsApp patron (a fresh number in <paramref name="country"/>) links the card and says yes or no to notices; returns the number.</summary>
    public static async Task<string> LinkAsync(BotProcess bot, string country, string card, string pin, bool accept, string language = "en")
    {
        var phone = Phones.New(country);
        var patron = new WhatsAppPatron(bot, phone);
        await patron.SayAsync(language == "es" ? "vincular tarjeta" : "link card");
        await patron.SayAsync(card);
        var offer = await patron.SayAsync(pin);
        var answer = (language, accept) switch { ("es", true) => "Sí", (_, true) => "Yes", _ => "No" };
        await patron.TapAsync(WhatsAppPatron.ChoiceId(offer, answer));
        return phone;
    }
}
