using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations;

/// <summary>
/// Offers a librarian; accepting stores an escalation request on the conversation (the staff queue reads these)
/// and tells the patron what happens next.
/// </summary>
public sealed class EscalationDialog : WaterfallDialog
{
    public new const string Id = "escalation";
    public const string PromptId = "escalation.confirm";

    public EscalationDialog(BotText text)
        : base(Id, [
            (step, ct) => step.PromptAsync(PromptId, new PromptOptions { Prompt = text.Get("Escalation.Offer", step.Context.Locale) }, ct),
            (step, ct) =>
            {
                var context = step.Context;
                if (step.Result is true)
                {
                    var request = step.Options<EscalationRequest>() ?? new EscalationRequest(EscalationReason.PatronAsked);
                    context.State.Escalation ??= new EscalationState(request.Reason, context.Locale, context.Clock.GetUtcNow(), request.Detail);
                    context.SendText(text.Get("Escalation.Created", context.Locale));
                    return Task.FromResult(step.Dialogs.CancelAllDialogs());
                }
                else
                {
                    context.SendText(text.Get("Escalation.Declined", context.Locale));
                }

                return step.EndDialogAsync(null, ct);
            },
        ])
    {
    }
}
