using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>"Cancel", "never mind", "算了", "thôi": the question is dropped (the engine cleared the stack) and the patron hears so.</summary>
public sealed class CancelDialog : WaterfallDialog
{
    public new const string Id = "cancel";

    public CancelDialog()
        : base(Id)
    {
        AddSteps((step, ct) =>
        {
            step.Context.Say("Cancel.Done");
            return step.EndDialogAsync(null, ct);
        });
    }
}
