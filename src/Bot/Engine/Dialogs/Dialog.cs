namespace LibraryBot.Bot.Engine.Dialogs;

/// <summary>
/// A unit of conversation on the dialog stack. It begins, continues with each patron message while it is on top,
/// resumes when a dialog it started ends, and may re-ask its question after an interruption.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks again whatever the dialog is waiting for (after help, a language switch or an interruption).</summary>
    public virtual Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;
}
