using System.Collections.Frozen;
using System.Text.Json;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// When the patron switches language while a prompt waits, the engine re-asks the prompt's stored question. This
/// translates that stored question (and its choice titles) first, so the re-ask comes in the new language. Only texts
/// without placeholders can be translated back to their key; others are re-asked as they were.
/// </summary>
public sealed class PromptTranslationMiddleware(BotText text, DialogSet dialogs) : ITurnMiddleware
{
    private const string OptionsKey = "options";

    private static readonly Lazy<FrozenDictionary<string, string>> KeysByText = new(() => BotText.All
        .SelectMany(entry => entry.Value.Values.Where(t => !t.Contains('{', StringComparison.Ordinal) && !t.Contains('|', StringComparison.Ordinal))
            .Select(t => (Text: t, entry.Key)))
        .GroupBy(x => x.Text, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal));

    public Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var command = GlobalCommand.Recognize(context.Activity, text);
        var active = context.State.DialogStack.LastOrDefault();
        if (command is { Kind: GlobalCommandKind.Language, Locale: { } locale } && active is not null && IsPrompt(dialogs.Find(active.Id))
            && active.State[OptionsKey]?.Deserialize<PromptOptions>(StoreJson.Options) is { } options)
        {
            var translated = options with
            {
                Prompt = Translate(options.Prompt, locale),
                RetryPrompt = options.RetryPrompt is null ? null : Translate(options.RetryPrompt, locale),
                Choices = options.Choices?.Select(c => c with { Title = Translate(c.Title, locale) }).ToList(),
                ListButton = options.ListButton is null ? null : Translate(options.ListButton, locale),
            };
            active.State[OptionsKey] = JsonSerializer.SerializeToNode(translated, StoreJson.Options);
        }

        return next(context, cancellationToken);
    }

    private string Translate(string shown, string locale) =>
        KeysByText.Value.TryGetValue(shown, out var key) ? text.Get(key, locale) : shown;

    private static bool IsPrompt(Dialog dialog)
    {
        for (var type = dialog.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Prompt<>))
            {
                return true;
            }
        }

        return false;
    }
}
