using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// Lets a shortcut ("RA", "my loans", "hours") or a shared location leave whatever dialog is waiting: the stack is
/// cleared before the engine runs, so the engine starts the shortcut's intent as if nothing was open.
/// </summary>
public sealed class ShortcutMiddleware(ShortcutRecognizer shortcuts) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        if (context.State.DialogStack.Count > 0
            && (Location.SharedLocation.IsSentByPatron(context.Activity) || shortcuts.Recognize(context) is not null || shortcuts.RecognizePhrase(context) is not null))
        {
            context.State.DialogStack.Clear();
        }

        return next(context, cancellationToken);
    }
}
