using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Conversations.Notices;

/// <summary>
/// "notices on" / "notices off" (avisos sí/no, 开启/关闭通知, bật/tắt thông báo) change the patron's consent to notices on
/// this channel at any time; after a card is linked the bot asks once (<see cref="NoticeOfferMiddleware"/>). Every
/// answer is a consent-ledger event with the words shown.
/// </summary>
public sealed class NoticesDialog : WaterfallDialog
{
    public new const string Id = "notices.consent";
    public const string PromptId = "notices.consent.ask";

    public NoticesDialog(NoticeConsent consent)
        : base(Id)
    {
        AddDialog(new ConfirmPrompt(PromptId));
        AddSteps(
            async (step, ct) =>
            {
                var context = step.Context;
                var change = step.Options<NoticesRequest>()?.Change ?? NoticesChange.Ask;
                if (change != NoticesChange.Ask)
                {
                    await consent.RecordAsync(context, change == NoticesChange.On ? ConsentAction.Grant : ConsentAction.Withdraw, null, ct).ConfigureAwait(false);
                    if (change == NoticesChange.On && LinkedCards.All(context.State).Count == 0)
                    {
                        context.Say("Notices.NoCardYet");
                    }

                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                return await step.PromptAsync(PromptId, new PromptOptions
                {
                    Prompt = consent.Question(context),
                    Optional = true,
                    YesIntents = [IntentNames.NoticesOn],
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var question = consent.Question(context).Render(context.Text, context.Locale);
                await consent.RecordAsync(context, step.Result is true ? ConsentAction.Grant : ConsentAction.Withdraw, question, ct).ConfigureAwait(false);
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            });
    }
}
