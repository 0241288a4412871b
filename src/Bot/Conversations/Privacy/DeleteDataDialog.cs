using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>"Delete my data": confirms, then erases the conversation (state, transcript, replies sent) once the turn commits.</summary>
public sealed class DeleteDataDialog : WaterfallDialog
{
    public new const string Id = "privacy.delete";
    public const string PromptId = "privacy.delete.confirm";

    public DeleteDataDialog(BotText text)
        : base(Id, [
            (step, ct) => step.PromptAsync(PromptId, new PromptOptions { Prompt = text.Get("Privacy.DeleteConfirm", step.Context.Locale) }, ct),
            (step, ct) =>
            {
                var context = step.Context;
                if (step.Result is not true)
                {
                    context.SendText(text.Get("Privacy.DeleteKept", context.Locale));
                    return step.EndDialogAsync(null, ct);
                }

                context.SendText(text.Get("Privacy.Deleted", context.Locale));
                context.Erase = ConversationErasure.AfterReplies;
                return Task.FromResult(step.Dialogs.CancelAllDialogs());
            },
        ])
    {
    }
}
