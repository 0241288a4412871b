using System.Text.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Engine.Dialogs;

/// <summary>What a waterfall step sees: the turn, the previous step's result, the dialog's persisted values and options.</summary>
public sealed class WaterfallStepContext(DialogContext dc, DialogInstance instance, int index, object? result, Func<object?, CancellationToken, Task<DialogTurnResult>> next)
{
    public DialogContext Dialogs { get; } = dc;

    public TurnContext Context => Dialogs.Context;

    public int Index { get; } = index;

    /// <summary>The previous step's result (a prompt's answer, a child dialog's result).</summary>
    public object? Result { get; } = result;

    /// <summary>Values kept across this dialog's steps (persisted with the stack: never put a PIN here).</summary>
    public JsonObject Values => instance.State["values"] as JsonObject ?? throw new InvalidOperationException("Waterfall state is missing its values.");

    public T? Options<T>() => instance.State["options"] is { } node ? node.Deserialize<T>(StoreJson.Options) : default;

    public string? GetValue(string name) => Values[name]?.GetValue<string>();

    public void SetValue(string name, string? value) => Values[name] = value;

    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken) => next(result, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken) =>
        Dialogs.BeginDialogAsync(promptId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        Dialogs.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        Dialogs.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        Dialogs.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
