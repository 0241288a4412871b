using System.Text.Json;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>
/// Asks a question and waits for a valid answer: recognises it, runs the optional validator (which returns a
/// localised complaint or null), re-asks up to the limit, then gives up politely with <see cref="PromptGaveUp"/>.
/// </summary>
public abstract class Prompt<T>(string id, Func<T, TurnContext, string?>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        var instance = dc.ActiveDialog!;
        instance.State[OptionsKey] = JsonSerializer.SerializeToNode(promptOptions, StoreJson.Options);
        instance.State[AttemptsKey] = 0;
        dc.Context.Send(Render(dc.Context, promptOptions, promptOptions.Prompt));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        if (context.Activity.Type is not (ActivityType.Message or ActivityType.ChoiceReply or ActivityType.Location))
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        var instance = dc.ActiveDialog!;
        var options = ReadOptions(instance);
        if (ChoiceQuestion.TryParseMore(context.Activity.ChoiceId, out var page) && options.Choices is { Count: > 0 })
        {
            // The channel showed one page of the choices; the patron asked for the next: same question, that page.
            context.Send(new ChoiceQuestion(options.Prompt, options.Choices, options.ListButton, Page: page));
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        var recognition = Recognize(context, options);
        var complaint = recognition.Succeeded && validator is not null ? validator(recognition.Value!, context) : null;
        if (recognition.Succeeded && complaint is null)
        {
            return dc.EndDialogAsync(recognition.Value, cancellationToken);
        }

        var attempts = (instance.State[AttemptsKey]?.GetValue<int>() ?? 0) + 1;
        instance.State[AttemptsKey] = attempts;
        var text = context.Services.GetRequiredService<BotText>();
        if (attempts >= options.MaxAttempts)
        {
            context.SendText(text.Get("Prompt.GiveUp", context.Locale));
            return dc.EndDialogAsync(new PromptGaveUp(Id), cancellationToken);
        }

        var retry = complaint ?? options.RetryPrompt ?? $"{text.Get("Prompt.Retry", context.Locale)} {options.Prompt}";
        context.Send(Render(context, options, retry));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        var options = ReadOptions(instance);
        dc.Context.Send(Render(dc.Context, options, options.Prompt));
        return Task.CompletedTask;
    }

    protected abstract PromptRecognition<T> Recognize(TurnContext context, PromptOptions options);

    /// <summary>How the question looks: plain text by default; choice-like prompts show their choices.</summary>
    protected virtual OutboundMessage Render(TurnContext context, PromptOptions options, string text) =>
        options.Choices is { Count: > 0 } choices
            ? new ChoiceQuestion(text, choices, options.ListButton)
            : new TextMessage(text);

    private static PromptOptions ReadOptions(DialogInstance instance) =>
        instance.State[OptionsKey]?.Deserialize<PromptOptions>(StoreJson.Options)
        ?? throw new InvalidOperationException("Prompt state is missing its options.");
}
