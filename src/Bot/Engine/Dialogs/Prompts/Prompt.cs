using System.Text.Json;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>
/// Asks a question and waits for a valid answer: recognises it and runs the optional validator (which returns a
/// complaint, or null). A message that is no answer is asked about once more (with how to see
/// the menu); the second time the prompt steps aside: it ends with <see cref="PromptGaveUp"/> and marks the message
/// unused, so the engine serves it as a new request instead of losing it. An answer the validator refuses is re-asked
/// with the complaint (that does not count as a message that was no answer).
/// </summary>
public abstract class Prompt<T>(string id, Func<T, TurnContext, Localization.Say?>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        var instance = dc.ActiveDialog!;
        instance.State[OptionsKey] = JsonSerializer.SerializeToNode(promptOptions, StoreJson.Options);
        instance.State[AttemptsKey] = 0;
        dc.Context.Send(Render(dc.Context, promptOptions, promptOptions.Prompt.Render(dc.Context.Text, dc.Context.Locale)));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override bool IsOffer(DialogInstance instance) => ReadOptions(instance).Optional;

    public override AnswerFit Fit(DialogContext dc)
    {
        var context = dc.Context;
        var options = ReadOptions(dc.ActiveDialog!);
        if (ChoiceQuestion.TryParseMore(context.Activity.ChoiceId, out _))
        {
            return AnswerFit.Strong;
        }

        var recognition = Recognize(context, options);
        return !recognition.Succeeded ? AnswerFit.None
            : validator is not null ? (validator(recognition.Value!, context) is null ? AnswerFit.Strong : AnswerFit.None)
            : FitOf(recognition.Value!, context);
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
            context.Send(new ChoiceQuestion(options.Prompt.Render(context.Text, context.Locale), RenderChoices(context, options), options.ListButton?.Render(context.Text, context.Locale), Page: page));
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        var recognition = Recognize(context, options);
        var complaint = recognition.Succeeded && validator is not null ? validator(recognition.Value!, context) : null;
        if (recognition.Succeeded && complaint is null)
        {
            return dc.EndDialogAsync(recognition.Value, cancellationToken);
        }

        // A refused answer is re-asked with the complaint as often as needed; a message that is no answer at all counts.
        var attempts = (instance.State[AttemptsKey]?.GetValue<int>() ?? 0) + (recognition.Succeeded ? 0 : 1);
        instance.State[AttemptsKey] = attempts;
        if (!recognition.Succeeded && attempts >= options.MaxAttempts)
        {
            // Asked twice without an answer: this message is probably something else. Step aside and let the engine serve it.
            context.MessageUnused = true;
            return dc.EndDialogAsync(new PromptGaveUp(Id), cancellationToken);
        }

        var question = (options.RetryPrompt ?? options.Prompt).Render(context.Text, context.Locale);
        var retry = complaint is not null
            ? complaint.Render(context.Text, context.Locale)
            : $"{context.Text.Get("Prompt.Retry", context.Locale)} {question}\n{context.Text.Get("Prompt.RetryHint", context.Locale)}";
        context.Send(Render(context, options, retry));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        var options = ReadOptions(instance);
        dc.Context.Send(Render(dc.Context, options, options.Prompt.Render(dc.Context.Text, dc.Context.Locale)));
        return Task.CompletedTask;
    }

    protected abstract PromptRecognition<T> Recognize(TurnContext context, PromptOptions options);

    /// <summary>How strongly a recognised answer (without validator) answers: strong unless the prompt takes any text.</summary>
    protected virtual AnswerFit FitOf(T value, TurnContext context) => AnswerFit.Strong;

    /// <summary>How the question looks: plain text by default; choice-like prompts show their choices.</summary>
    protected virtual OutboundMessage Render(TurnContext context, PromptOptions options, string text) =>
        options.Choices is { Count: > 0 }
            ? new ChoiceQuestion(text, RenderChoices(context, options), options.ListButton?.Render(context.Text, context.Locale))
            : new TextMessage(text);

    protected static IReadOnlyList<Choice> RenderChoices(TurnContext context, PromptOptions options) =>
        options.Choices?.Select(c => c.Render(context.Text, context.Locale)).ToList() ?? [];

    private static PromptOptions ReadOptions(DialogInstance instance) =>
        instance.State[OptionsKey]?.Deserialize<PromptOptions>(StoreJson.Options)
        ?? throw new InvalidOperationException("Prompt state is missing its options.");
}
