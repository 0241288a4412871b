using LibraryBot.Bot.Engine;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Why the library said no, in the patron's language: our translation of the reason, and the library system's own
/// words after it, marked as the library's message (they are in the library's language, not necessarily the patron's).
/// </summary>
public static class OutcomeText
{
    public static string Reason(TurnContext context, OutcomeReason? reason, string? libraryMessage)
    {
        var ours = reason is { } r ? context.Localize("Reason." + r) : null;
        if (string.IsNullOrWhiteSpace(libraryMessage))
        {
            return ours ?? context.Localize("Reason.NotRenewable");
        }

        return ours is null
            ? context.Localize("Reason.LibrarySaysOnly", libraryMessage.Trim())
            : context.Localize("Reason.LibrarySays", ours, libraryMessage.Trim());
    }
}
