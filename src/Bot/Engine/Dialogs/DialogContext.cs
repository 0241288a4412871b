namespace LibraryBot.Bot.Engine.Dialogs;

/// <summary>The dialog stack for one turn, with the operations dialogs use to move along it.</summary>
public sealed class DialogContext(DialogSet dialogs, TurnContext context)
{
    public TurnContext Context { get; } = context;

    public DialogSet Dialogs { get; } = dialogs;

    private List<DialogInstance> Stack => Context.State.DialogStack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[^1] : null;

    public int Depth => Stack.Count;

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = Dialogs.Find(dialogId);
        Stack.Add(new DialogInstance { Id = dialogId });
        return dialog.BeginAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        var active = ActiveDialog;
        return active is null
            ? Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty))
            : Dialogs.Find(active.Id).ContinueAsync(this, cancellationToken);
    }

    /// <summary>Starts a dialog on top of the stack that, when it ends, re-asks the interrupted dialog's question.</summary>
    public Task<DialogTurnResult> BeginInterruptionAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = Dialogs.Find(dialogId);
        Stack.Add(new DialogInstance { Id = dialogId, Interruption = true });
        return dialog.BeginAsync(this, options, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes its parent with the result (or completes the stack).</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        var ended = ActiveDialog;
        if (ended is not null)
        {
            Stack.RemoveAt(Stack.Count - 1);
        }

        var parent = ActiveDialog;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        if (ended is { Interruption: true })
        {
            await Dialogs.Find(parent.Id).RepromptAsync(this, parent, cancellationToken).ConfigureAwait(false);
            return DialogTurnResult.Waiting;
        }

        return await Dialogs.Find(parent.Id).ResumeAsync(this, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog without resuming its parent and begins another in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        if (Stack.Count > 0)
        {
            Stack.RemoveAt(Stack.Count - 1);
        }

        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public DialogTurnResult CancelAllDialogs()
    {
        Stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken)
    {
        var active = ActiveDialog;
        return active is null ? Task.CompletedTask : Dialogs.Find(active.Id).RepromptAsync(this, active, cancellationToken);
    }
}
