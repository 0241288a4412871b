using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// "Hi", "hola", "你好", "xin chào". On first contact the welcome (sent by the engine) is followed by examples of
/// what to ask and how to see the menu; later greetings open the menu itself.
/// </summary>
public sealed class GreetingDialog : WaterfallDialog
{
    public new const string Id = "greeting";

    public GreetingDialog(BotText text)
        : base(Id, [
            (step, ct) =>
            {
                var context = step.Context;
                if (context.Replies.Count == 0)
                {
                    return step.ReplaceDialogAsync(MenuDialog.Id, null, ct);
                }

                context.SendText(text.Get("Greeting.Hint", context.Locale));
                return step.EndDialogAsync(null, ct);
            },
        ])
    {
    }
}
