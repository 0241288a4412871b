using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// "Hi", "hola", "你好", "xin chào". On first contact the welcome (sent by <see cref="WelcomeMiddleware"/> in the same
/// turn) is followed by examples of what to ask; later greetings open the menu itself.
/// </summary>
public sealed class GreetingDialog : WaterfallDialog
{
    public new const string Id = "greeting";

    public GreetingDialog()
        : base(Id)
    {
        AddSteps((step, ct) =>
        {
            if (step.Context.Replies.Count == 0)
            {
                return step.ReplaceDialogAsync(MenuDialog.Id, null, ct);
            }

            step.Context.Say("Greeting.Hint");
            return step.EndDialogAsync(null, ct);
        });
    }
}
