using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Notices;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.Sms;

/// <summary>
/// "text me at +1 415 555 0100" (envíame un SMS al …, 发短信到 …, nhắn tin cho tôi qua số …): the number is read with
/// libphonenumber in the library's region, asked for when missing, refused with a clear complaint when invalid,
/// confirmed back masked, and on Yes kept as the chat's SMS route with a consent-ledger grant of the words shown.
/// "SMS only" sends notices by SMS instead of this chat; "stop texting me" withdraws and forgets the number (by SMS
/// itself it stops every text message to that number, notices and news).
/// </summary>
public sealed class SmsNumberDialog : WaterfallDialog
{
    public new const string Id = "sms.number";
    public const string NumberPromptId = "sms.number.ask";
    public const string ConfirmPromptId = "sms.number.confirm";
    private const string NumberValue = "number";

    public SmsNumberDialog(SmsNoticeNumbers numbers, SmsFallbackRoute route, PatronConsent consent, IOptions<BotOptions> bot)
        : base(Id)
    {
        AddDialog(new PhonePrompt(NumberPromptId, route));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        AddSteps(
            async (step, ct) =>
            {
                var context = step.Context;
                var request = step.Options<SmsNumberRequest>() ?? new SmsNumberRequest(SmsNumberChange.Register);
                if (!numbers.Enabled)
                {
                    context.Say("Sms.Unavailable", bot.Value.LibraryName);
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                switch (request.Change)
                {
                    case SmsNumberChange.Stop when context.Activity.Conversation.Channel == ChannelId.Sms:
                        // Written by SMS: every text message to this number stops, notices included.
                        var shown = context.Localize("Sms.StoppedHere", bot.Value.LibraryName);
                        var withdrawal = new ConsentRecord(ConsentPurposes.Notices, ConsentAction.Withdraw, context.Clock.GetUtcNow(), ConsentSource.Chat, "patron",
                            shown, "Sms.StoppedHere@" + SmsNoticeNumbers.WordingVersion, context.Locale);
                        var withdrawn = await consent.WithdrawAllAsync(context.Activity.Conversation, withdrawal, _ => true, ct).ConfigureAwait(false);
                        if (!withdrawn.Contains(ConsentPurposes.Notices))
                        {
                            // Never granted here (a WhatsApp number's fallback): the withdrawal still stops it.
                            await consent.RecordAsync(context.Activity.Conversation, withdrawal, ct).ConfigureAwait(false);
                        }

                        context.SendText(shown);
                        return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                    case SmsNumberChange.Stop:
                        var stopped = await numbers.StopAsync(context.State, ConsentSource.Chat, "patron", context.Locale, context.Clock.GetUtcNow(), ct).ConfigureAwait(false);
                        if (stopped is null)
                        {
                            context.Say("Sms.NothingToStop");
                        }
                        else
                        {
                            context.SendText(numbers.Stopped(context.Locale, stopped.Number));
                        }

                        return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                    case SmsNumberChange.SmsOnly:
                        if (SmsRoute.Of(context.State) is not { } registered)
                        {
                            context.Say("Sms.NoNumberYet");
                        }
                        else
                        {
                            (registered with { SmsOnly = true }).SaveTo(context.State);
                            context.Say("Sms.OnlyOn", SmsRoute.Masked(registered.Number));
                        }

                        return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                if (numbers.TryNormalize(request.Typed, context.Activity.Conversation, out var e164))
                {
                    return await step.NextAsync(e164, ct).ConfigureAwait(false);
                }

                if (request.Typed is not null)
                {
                    context.Say("Sms.BadNumber");
                }

                return await step.PromptAsync(NumberPromptId, new PromptOptions { Prompt = Say.Text("Sms.AskNumber") }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                numbers.TryNormalize(step.Result as string, step.Context.Activity.Conversation, out var e164);
                step.SetValue(NumberValue, e164);
                return await step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = numbers.Confirmation(e164) }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                if (step.Result is not true || step.GetValue(NumberValue) is not { Length: > 0 } e164)
                {
                    context.Say("Sms.NotRegistered");
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var saved = await numbers.RegisterAsync(context.State, e164, null, ConsentSource.Chat, "patron", context.Locale, context.Clock.GetUtcNow(), ct).ConfigureAwait(false);
                context.Say(saved.SmsOnly ? "Sms.RegisteredOnly" : "Sms.Registered", SmsRoute.Masked(e164));
                if (context.Activity.Conversation.Channel != ChannelId.Sms
                    && !await consent.IsGrantedAsync(context.Activity.Conversation, ConsentPurposes.Notices, ct).ConfigureAwait(false))
                {
                    context.Say("Sms.NoticesOff");
                }

                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            });
    }
}
