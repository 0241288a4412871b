using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>Why the library said no: its own words, with our translation of the reason in the other languages.</summary>
public static class OutcomeText
{
    public static string Reason(BotText text, string locale, OutcomeReason? reason, string? libraryMessage)
    {
        var ours = reason is { } r ? text.Get("Reason." + r, locale) : null;
        if (string.IsNullOrWhiteSpace(libraryMessage))
        {
            return ours ?? text.Get("Reason.NotRenewable", locale);
        }

        return ours is null || locale == BotLocales.English ? libraryMessage : $"{ours} — {libraryMessage}";
    }
}
