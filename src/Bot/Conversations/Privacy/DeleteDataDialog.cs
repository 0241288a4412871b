using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>
/// "Delete my data": confirms, then erases the conversation (state, transcript, replies sent) once the turn commits —
/// keeping only what honours the patron's choices (a news opt-out) and lets the confirmation reach them.
/// </summary>
public sealed class DeleteDataDialog : WaterfallDialog
{
    public new const string Id = "privacy.delete";
    public const string PromptId = "privacy.delete.confirm";

    public DeleteDataDialog()
        : base(Id)
    {
        AddDialog(new ConfirmPrompt(PromptId));
        AddSteps(
            (step, ct) => step.PromptAsync(PromptId, new PromptOptions { Prompt = Say.Text("Privacy.DeleteConfirm") }, ct),
            (step, ct) =>
            {
                var context = step.Context;
                if (step.Result is not true)
                {
                    context.Say("Privacy.DeleteKept");
                    return step.EndDialogAsync(null, ct);
                }

                context.Say("Privacy.Deleted");
                context.Erase = ConversationErasure.AfterReplies;
                return Task.FromResult(step.Dialogs.CancelAllDialogs());
            });
    }
}
