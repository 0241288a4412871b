using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Links a library card: card number, then PIN, checked by the library system. The PIN arrives as the PIN prompt's
/// result, in memory, and goes straight to <see cref="ICatalogue.AuthenticateAsync"/>: it is never put in the dialog's
/// values or options. Ends with true when a card is linked (so the action that needed it resumes), else false.
/// </summary>
public sealed class LinkCardDialog : WaterfallDialog
{
    public new const string Id = "account.link";
    public const string CardPromptId = "account.link.card";
    public const string PinPromptId = "account.link.pin";
    private const string CardKey = "card";

    public LinkCardDialog(BotText text, ILogger<LinkCardDialog> logger)
        : base(Id, [
            (step, ct) =>
            {
                var context = step.Context;
                if (PinLockout.LockedUntil(context.State, context.Clock.GetUtcNow()) is { } until)
                {
                    return LockedOutAsync(step, text, until, ct);
                }

                if (step.Options<LinkRequest>() is { Explain: true })
                {
                    context.SendText(text.Get("Link.Intro", context.Locale));
                }

                return step.PromptAsync(CardPromptId, new PromptOptions
                {
                    Prompt = text.Get("Link.AskCard", context.Locale),
                    RetryPrompt = text.Get("Link.BadCard", context.Locale),
                }, ct);
            },
            (step, ct) =>
            {
                step.SetValue(CardKey, CardNumber.Normalize((string)step.Result!));
                return step.PromptAsync(PinPromptId, new PromptOptions { Prompt = text.Get("Link.AskPin", step.Context.Locale) }, ct);
            },
            (step, ct) => CheckAsync(step, text, logger, (string)step.Result!, ct),
        ])
    {
    }

    /// <summary>The card number prompt: 5 to 20 digits, spaces and hyphens ignored.</summary>
    public static TextPrompt CardPrompt(BotText text) =>
        new(CardPromptId, (answer, context) => CardNumber.IsValid(answer) ? null : text.Get("Link.BadCard", context.Locale));

    private static async Task<DialogTurnResult> CheckAsync(WaterfallStepContext step, BotText text, ILogger logger, string pin, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var card = step.GetValue(CardKey)!;
        step.Values.Remove(CardKey);
        var conversation = LogIds.Hash(context.Activity.Conversation.Key);
        var result = await context.Services.GetRequiredService<ICatalogue>().AuthenticateAsync(card, pin, cancellationToken).ConfigureAwait(false);
        if (result.Success)
        {
            PinLockout.Reset(context.State);
            LinkedCards.Link(context.State, new LinkedCard(result.PatronId!, result.FirstName ?? string.Empty, DisplayFormats.MaskCard(card)));
            ConversationsLog.CardLinked(logger, conversation);
            context.SendText(text.Get("Link.Linked", context.Locale, result.FirstName, DisplayFormats.MaskCard(card)));
            if (context.Activity.Channel == ChannelId.WhatsApp)
            {
                context.SendText(text.Get("Link.DeletePin", context.Locale));
            }

            return await step.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
        }

        ConversationsLog.CardRefused(logger, result.Failure.ToString()!, conversation);
        if (result.Failure is AuthFailure.WrongCredentials or AuthFailure.LockedOut)
        {
            var now = context.Clock.GetUtcNow();
            var left = PinLockout.RecordFailure(context.State, now);
            if (result.Failure == AuthFailure.LockedOut)
            {
                PinLockout.Lock(context.State, now);
            }

            if (PinLockout.LockedUntil(context.State, now) is { } until)
            {
                ConversationsLog.CardLockedOut(logger, conversation);
                return await LockedOutAsync(step, text, until, cancellationToken).ConfigureAwait(false);
            }

            context.SendText(text.Get("Link.Wrong", context.Locale, left));
            return await step.ReplaceDialogAsync(Id, new LinkRequest(false), cancellationToken).ConfigureAwait(false);
        }

        var why = result.LibraryMessage ?? text.Get(result.Failure == AuthFailure.Expired ? "Link.RefusedExpired" : "Link.RefusedBlocked", context.Locale);
        context.SendText(text.Get("Link.Refused", context.Locale, why));
        return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> LockedOutAsync(WaterfallStepContext step, BotText text, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var minutes = (int)Math.Ceiling((until - context.Clock.GetUtcNow()).TotalMinutes);
        context.SendText(text.Get("Link.LockedOut", context.Locale, Math.Max(1, minutes)));
        return step.EndDialogAsync(false, cancellationToken);
    }
}
