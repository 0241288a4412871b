using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// Thanks, goodbyes, laughter, emoji, "are you a bot?", a "yes" or "no" with no question waiting: a short friendly
/// answer in the patron's language, never a search or an account action, and not counted as a misunderstanding.
/// </summary>
public sealed class SmallTalkDialog : WaterfallDialog
{
    public new const string Id = "smalltalk";

    public SmallTalkDialog()
        : base(Id)
    {
        AddSteps((step, ct) =>
        {
            var context = step.Context;
            context.State.MisunderstoodInARow = 0;
            var interpretation = context.Interpretation;
            context.Say(interpretation.Intent switch
            {
                IntentNames.Affirm => "SmallTalk.Affirm",
                IntentNames.Deny => "SmallTalk.Deny",
                _ => interpretation.Value switch
                {
                    "thanks" => "SmallTalk.Thanks",
                    "bye" => "SmallTalk.Bye",
                    _ => "SmallTalk.Chat",
                },
            });
            return step.EndDialogAsync(null, ct);
        });
    }
}
