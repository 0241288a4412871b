using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>A choice a prompt offers: its id, and its title and description as <see cref="Say"/>s (rendered in the language of the moment).</summary>
public sealed record PromptChoice(string Id, Say Title, Say? Description = null)
{
    /// <summary>A choice whose title is a string resource ("Renew all").</summary>
    public static PromptChoice Of(string id, string titleKey, params object?[] args) => new(id, Say.Text(titleKey, args));

    /// <summary>A choice whose title is shown as written (a book title, a branch name).</summary>
    public static PromptChoice Verbatim(string id, string title, Say? description = null) => new(id, Say.Verbatim(title), description);

    public Choice Render(BotText text, string locale) => new(Id, Title.Render(text, locale), Description?.Render(text, locale));
}
