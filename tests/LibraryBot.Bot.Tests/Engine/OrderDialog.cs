using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Engine;

/// <summary>
/// A small waterfall used to exercise the engine: size (choice), copies (number 1–5), name (text), confirm. "order"
/// reaches it through the understanding layer, as a phrase of its own.
/// </summary>
internal sealed class OrderDialog : WaterfallDialog
{
    public new const string Id = "order";

    public OrderDialog()
        : base(Id)
    {
        AddDialog(new ChoicePrompt("order.size"));
        AddDialog(new NumberPrompt("order.copies", (n, _) => n is >= 1 and <= 5 && decimal.Truncate(n) == n ? null : Say.Verbatim("Between 1 and 5 copies, please.")));
        AddDialog(new TextPrompt("order.name"));
        AddDialog(new ConfirmPrompt("order.confirm"));
        AddSteps(
            (step, ct) => step.PromptAsync("order.size", new PromptOptions
            {
                Prompt = Say.Verbatim("Which size?"),
                Choices = [PromptChoice.Verbatim("small", "Small"), PromptChoice.Verbatim("large", "Large")],
            }, ct),
            (step, ct) =>
            {
                step.SetValue("size", ((PromptChoice)step.Result!).Id);
                return step.PromptAsync("order.copies", new PromptOptions { Prompt = Say.Verbatim("How many copies?") }, ct);
            },
            (step, ct) =>
            {
                step.SetValue("copies", ((decimal)step.Result!).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return step.PromptAsync("order.name", new PromptOptions { Prompt = Say.Verbatim("Your name?") }, ct);
            },
            (step, ct) =>
            {
                step.SetValue("name", (string)step.Result!);
                return step.PromptAsync("order.confirm", new PromptOptions { Prompt = Say.Verbatim($"Order {step.GetValue("copies")} {step.GetValue("size")} for {step.GetValue("name")}?") }, ct);
            },
            (step, ct) =>
            {
                step.Context.SendText(step.Result is true ? "Ordered." : "Not ordered.");
                return step.EndDialogAsync(null, ct);
            });
    }
}

internal static class OrderDialogRegistration
{
    public static IServiceCollection AddOrderDialog(this IServiceCollection services)
    {
        services.AddSingleton<Dialog, OrderDialog>();
        services.AddSingleton(new Intent("order", OrderDialog.Id));
        services.AddSingleton<IPhraseSource>(new TestPhrases(("order", "en", "=order")));
        return services;
    }
}

/// <summary>Phrases a test adds to the understanding layer, in the lexicon's syntax.</summary>
internal sealed class TestPhrases(params (string Key, string Language, string Phrase)[] phrases) : IPhraseSource
{
    public IEnumerable<(string Key, string Language, string Phrase)> Phrases() => phrases;
}
