using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>What the bot can do and the words that work anywhere (an aside: a waiting question is asked again after it).</summary>
public sealed class HelpDialog : WaterfallDialog
{
    public new const string Id = "help";

    public HelpDialog()
        : base(Id)
    {
        AddSteps((step, ct) =>
        {
            step.Context.Say("Help.Text");
            return step.EndDialogAsync(null, ct);
        });
    }
}
