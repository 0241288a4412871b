using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Bot.Understanding;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Engine;

public sealed class ChoicePagingTests
{
    [Fact]
    public async Task ChoicePrompt_WhenThePatronAsksForTheNextPage_ResendsTheQuestionAtThatPageWithoutCountingAnAttempt()
    {
        await using var bot = TestBot.Create(services =>
        {
            var choices = Enumerable.Range(1, 25).Select(i => PromptChoice.Verbatim($"c{i}", $"Choice {i}")).ToArray();
            services.AddSingleton<Dialog>(new WaterfallDialog("many", [
                (step, ct) => step.PromptAsync("many.choice", new PromptOptions { Prompt = Say.Verbatim("Pick one"), Choices = choices, MaxAttempts = 1 }, ct),
                (step, ct) =>
                {
                    step.Context.SendText("picked " + ((PromptChoice)step.Result!).Id);
                    return step.EndDialogAsync(null, ct);
                },
            ]));
            services.AddSingleton<Dialog>(new ChoicePrompt("many.choice"));
            services.AddSingleton(new Intent("many", "many"));
            services.AddSingleton<IPhraseSource>(new TestPhrases(("many", "en", "=go")));
        });

        var first = Assert.IsType<ChoiceQuestion>((await bot.SendAsync("go"))[^1]);
        Assert.Equal(1, first.Page);
        var second = Assert.IsType<ChoiceQuestion>(Assert.Single(await bot.ChooseAsync(ChoiceQuestion.MorePrefix + "2")));
        Assert.Equal(2, second.Page);
        Assert.Equal(25, second.Choices.Count);
        Assert.Equal("picked c15", (await bot.ChooseAsync("c15")).Plain());
    }
}
