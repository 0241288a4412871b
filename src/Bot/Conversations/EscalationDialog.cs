using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Conversations;

/// <summary>
/// Offers a librarian; accepting stores an escalation request on the conversation (the staff queue reads these) and
/// tells the patron what happens next. Asking for a librarian while being offered one is a yes; asking again once a
/// librarian has been asked for says so instead of asking twice.
/// </summary>
public sealed class EscalationDialog : WaterfallDialog
{
    public new const string Id = "escalation";
    public const string PromptId = "escalation.confirm";

    public EscalationDialog()
        : base(Id)
    {
        AddDialog(new ConfirmPrompt(PromptId));
        AddSteps(
            (step, ct) =>
            {
                if (step.Context.State.Escalation is not null)
                {
                    step.Context.Say("Escalation.AlreadyAsked");
                    return step.EndDialogAsync(null, ct);
                }

                return step.PromptAsync(PromptId, new PromptOptions { Prompt = Say.Text("Escalation.Offer"), YesIntents = [IntentNames.Librarian] }, ct);
            },
            (step, ct) =>
            {
                var context = step.Context;
                if (step.Result is not true)
                {
                    context.Say("Escalation.Declined");
                    return step.EndDialogAsync(null, ct);
                }

                var request = step.Options<EscalationRequest>() ?? new EscalationRequest(EscalationReason.PatronAsked);
                context.State.Escalation ??= new EscalationState(request.Reason, context.Locale, context.Clock.GetUtcNow(), request.Detail);
                context.Say("Escalation.Created");
                return Task.FromResult(step.Dialogs.CancelAllDialogs());
            });
    }
}
