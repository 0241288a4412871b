using LibraryBot.Bot.Conversations.Notices;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Links a library card: card number, then PIN, checked by the library system — or both at once when the patron wrote
/// them unprompted ("my card is … and my pin is …"). The PIN goes from the turn straight to
/// <see cref="ICatalogue.AuthenticateAsync"/>: it never enters the dialog's values or options. Ends with true when a
/// card is linked (so the action that needed it resumes), else false.
/// </summary>
public sealed class LinkCardDialog : WaterfallDialog
{
    public new const string Id = "account.link";
    public const string CardPromptId = "account.link.card";
    public const string PinPromptId = "account.link.pin";
    private const string CardKey = "card";

    public LinkCardDialog(ICatalogue catalogue, ILogger<LinkCardDialog> logger)
        : base(Id)
    {
        AddDialog(new CardPrompt(CardPromptId));
        AddDialog(new PinPrompt(PinPromptId));
        AddSteps(
            (step, ct) =>
            {
                var context = step.Context;
                if (PinLockout.LockedUntil(context.State, context.Clock.GetUtcNow()) is { } until)
                {
                    return LockedOutAsync(step, until, ct);
                }

                var request = step.Options<LinkRequest>() ?? new LinkRequest(false);
                if (request.CardNumber is { } given && CardNumber.IsValid(given))
                {
                    return step.NextAsync(given, ct);
                }

                if (request.Explain)
                {
                    context.Say("Link.Intro");
                }

                return step.PromptAsync(CardPromptId, new PromptOptions { Prompt = Say.Text("Link.AskCard"), RetryPrompt = Say.Text("Link.BadCard") }, ct);
            },
            (step, ct) =>
            {
                var context = step.Context;
                step.SetValue(CardKey, CardNumber.Normalize((string)step.Result!));
                var entities = context.Interpretation.Entities;
                if (entities.Pin is { Length: > 0 } pin)
                {
                    return step.NextAsync(pin, ct);
                }

                if (entities.PinLost)
                {
                    context.Say("Link.PinLost");
                }

                return step.PromptAsync(PinPromptId, new PromptOptions { Prompt = Say.Text("Link.AskPin") }, ct);
            },
            (step, ct) => CheckAsync(step, catalogue, logger, (string)step.Result!, ct));
    }

    private static async Task<DialogTurnResult> CheckAsync(WaterfallStepContext step, ICatalogue catalogue, ILogger logger, string pin, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var card = step.GetValue(CardKey)!;
        step.Values.Remove(CardKey);
        var conversation = LogIds.Hash(context.Activity.Conversation.Key);
        var result = await catalogue.AuthenticateAsync(card, pin, cancellationToken).ConfigureAwait(false);
        if (result.Success)
        {
            PinLockout.Reset(context.State);
            LinkedCards.Link(context.State, new LinkedCard(result.PatronId!, result.FirstName ?? string.Empty, DisplayFormats.MaskCard(card)));
            ConversationsLog.CardLinked(logger, conversation);
            context.Say("Link.Linked", result.FirstName, DisplayFormats.MaskCard(card));
            if (context.Activity.Channel is ChannelId.WhatsApp or ChannelId.Sms)
            {
                context.Say("Link.DeletePin");
            }

            NoticeOfferMiddleware.OfferAfterThisTask(context.State);
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
                return await LockedOutAsync(step, until, cancellationToken).ConfigureAwait(false);
            }

            context.Say("Link.Wrong", left);
            return await step.ReplaceDialogAsync(Id, new LinkRequest(false), cancellationToken).ConfigureAwait(false);
        }

        var why = result.LibraryMessage is { } message
            ? context.Localize("Reason.LibrarySaysOnly", message)
            : context.Localize(result.Failure == AuthFailure.Expired ? "Link.RefusedExpired" : "Link.RefusedBlocked");
        context.Say("Link.Refused", why);
        return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> LockedOutAsync(WaterfallStepContext step, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var minutes = (int)Math.Ceiling((until - context.Clock.GetUtcNow()).TotalMinutes);
        context.Say("Link.LockedOut", Math.Max(1, minutes));
        return step.EndDialogAsync(false, cancellationToken);
    }
}
