using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Engine;

public enum GlobalCommandKind
{
    None,
    Menu,
    Help,
    Cancel,
    Librarian,
    Language,
}

/// <summary>A command that works at any step of any dialog, in any of the four languages.</summary>
public sealed record GlobalCommand(GlobalCommandKind Kind, string? Locale = null)
{
    public static readonly GlobalCommand None = new(GlobalCommandKind.None);

    private static readonly (string Key, string Locale)[] Languages =
    [
        ("Language.English", BotLocales.English),
        ("Language.Spanish", BotLocales.Spanish),
        ("Language.Chinese", BotLocales.Chinese),
        ("Language.Vietnamese", BotLocales.Vietnamese),
    ];

    public static GlobalCommand Recognize(Activity activity, BotText text)
    {
        if (activity.Type != ActivityType.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return None;
        }

        var message = activity.Text;
        if (text.MatchesAnyLanguage("Command.Menu", message))
        {
            return new GlobalCommand(GlobalCommandKind.Menu);
        }

        if (text.MatchesAnyLanguage("Command.Help", message))
        {
            return new GlobalCommand(GlobalCommandKind.Help);
        }

        if (text.MatchesAnyLanguage("Command.Cancel", message))
        {
            return new GlobalCommand(GlobalCommandKind.Cancel);
        }

        if (text.MatchesAnyLanguage("Command.Librarian", message))
        {
            return new GlobalCommand(GlobalCommandKind.Librarian);
        }

        foreach (var (key, locale) in Languages)
        {
            if (text.MatchesAnyLanguage(key, message))
            {
                return new GlobalCommand(GlobalCommandKind.Language, locale);
            }
        }

        return None;
    }
}
