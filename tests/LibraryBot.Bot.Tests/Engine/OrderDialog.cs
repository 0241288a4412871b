using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Engine;

/// <summary>A small waterfall used to exercise the engine: size (choice), copies (number 1–5), name (text), confirm.</summary>
internal static class OrderDialog
{
    public const string Id = "order";

    public static IServiceCollection AddOrderDialog(this IServiceCollection services)
    {
        services.AddSingleton<Dialog>(new WaterfallDialog(Id, [
            (step, ct) => step.PromptAsync("order.size", new PromptOptions
            {
                Prompt = "Which size?",
                Choices = [new Choice("small", "Small"), new Choice("large", "Large")],
            }, ct),
            (step, ct) =>
            {
                step.SetValue("size", ((Choice)step.Result!).Id);
                return step.PromptAsync("order.copies", new PromptOptions { Prompt = "How many copies?", MaxAttempts = 3 }, ct);
            },
            (step, ct) =>
            {
                step.SetValue("copies", ((decimal)step.Result!).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return step.PromptAsync("order.name", new PromptOptions { Prompt = "Your name?" }, ct);
            },
            (step, ct) =>
            {
                step.SetValue("name", (string)step.Result!);
                return step.PromptAsync("order.confirm", new PromptOptions { Prompt = $"Order {step.GetValue("copies")} {step.GetValue("size")} for {step.GetValue("name")}?" }, ct);
            },
            (step, ct) =>
            {
                step.Context.SendText(step.Result is true ? "Ordered." : "Not ordered.");
                return step.EndDialogAsync(null, ct);
            },
        ]));
        services.AddSingleton<Dialog>(new ChoicePrompt("order.size"));
        services.AddSingleton<Dialog>(new NumberPrompt("order.copies", (n, _) => n is >= 1 and <= 5 && decimal.Truncate(n) == n ? null : "Between 1 and 5 copies, please."));
        services.AddSingleton<Dialog>(new TextPrompt("order.name"));
        services.AddSingleton<Dialog>(new ConfirmPrompt("order.confirm"));
        services.AddSingleton(new Intent("order", Id));
        services.AddSingleton<IIntentRecognizer>(new KeywordRecognizer());
        return services;
    }

    private sealed class KeywordRecognizer : IIntentRecognizer
    {
        public IntentMatch? Recognize(TurnContext context) =>
            string.Equals(context.Activity.Text?.Trim(), "order", StringComparison.OrdinalIgnoreCase) ? new IntentMatch("order") : null;
    }
}
