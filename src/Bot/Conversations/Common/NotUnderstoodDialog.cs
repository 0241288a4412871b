using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// A message the bot could not understand (nor find in the catalogue): says so with how to see the menu; the second
/// in a row offers a librarian. A photo or file gets its own answer (the bot reads text, locations and its buttons).
/// </summary>
public sealed class NotUnderstoodDialog : WaterfallDialog
{
    public new const string Id = "not-understood";
    public const int MisunderstandingsBeforeOffer = 2;

    public NotUnderstoodDialog()
        : base(Id)
    {
        AddSteps((step, ct) =>
        {
            var context = step.Context;
            if (context.Activity.Type == ActivityType.Media)
            {
                context.Say("Media.CannotRead");
                return step.EndDialogAsync(null, ct);
            }

            return Count(step, "NotUnderstood.Text", ct);
        });
    }

    /// <summary>Counts a misunderstanding: says <paramref name="key"/>, or after two in a row offers a librarian instead.</summary>
    public static Task<DialogTurnResult> Count(WaterfallStepContext step, string key, CancellationToken cancellationToken, params object?[] args)
    {
        var context = step.Context;
        context.State.MisunderstoodInARow++;
        if (context.State.MisunderstoodInARow >= MisunderstandingsBeforeOffer)
        {
            context.State.MisunderstoodInARow = 0;
            return step.ReplaceDialogAsync(EscalationDialog.Id, new EscalationRequest(EscalationReason.NotUnderstood), cancellationToken);
        }

        context.Say(key, args);
        return step.EndDialogAsync(null, cancellationToken);
    }
}
