namespace LibraryBot.Bot.Engine.Dialogs;

/// <summary>
/// A unit of conversation on the dialog stack. It begins, continues with each patron message while it is on top,
/// resumes when a dialog it started ends, and may re-ask its question after an interruption. A dialog may own
/// <see cref="Children"/> (its prompts), registered with it — botbuilder's ComponentDialog, on one flat stack.
/// </summary>
public abstract class Dialog(string id)
{
    private readonly List<Dialog> _children = [];

    public string Id { get; } = id;

    /// <summary>The dialogs this one declared for its own use (its prompts).</summary>
    public IReadOnlyList<Dialog> Children => _children;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks again whatever the dialog is waiting for (after help, a language switch or an interruption).</summary>
    public virtual Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether what this dialog waits for is only an offer (see <see cref="Prompts.PromptOptions.Optional"/>).</summary>
    public virtual bool IsOffer(DialogInstance instance) => false;

    /// <summary>Whether the message in <paramref name="dc"/> answers what this dialog waits for (the engine asks before continuing it).</summary>
    public virtual AnswerFit Fit(DialogContext dc) => AnswerFit.Weak;

    /// <summary>Declares a dialog (usually a prompt) this dialog uses; it is registered with this one.</summary>
    protected T AddDialog<T>(T dialog)
        where T : Dialog
    {
        _children.Add(dialog);
        return dialog;
    }
}
