using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Tests.Engine;

public sealed class DialogEngineTests : IAsyncLifetime
{
    private TestBot _bot = null!;

    public ValueTask InitializeAsync()
    {
        _bot = TestBot.Create(s => s.AddOrderDialog());
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Waterfall_WhenEveryAnswerIsValid_RunsStepsInOrderAndCompletes()
    {
        var first = await _bot.SendAsync("order");
        Assert.Contains("Hello Ana", first.Plain());
        var size = Assert.IsType<ChoiceQuestion>(first[^1]);
        Assert.Equal("Which size?", size.Text);

        Assert.Equal("How many copies?", (await _bot.ChooseAsync("large")).Plain());
        Assert.Equal("Your name?", (await _bot.SendAsync("２")).Plain());
        var confirm = Assert.IsType<ChoiceQuestion>(Assert.Single(await _bot.SendAsync("Ana")));
        Assert.Equal("Order 2 large for Ana?", confirm.Text);
        Assert.Equal("Ordered.", (await _bot.SendAsync("yes")).Plain());
        Assert.Empty((await _bot.StateAsync())!.DialogStack);
    }

    [Fact]
    public async Task ChoicePrompt_WhenAnsweredByNumberOrTitle_Recognises()
    {
        await _bot.SendAsync("order");
        Assert.Equal("How many copies?", (await _bot.SendAsync("SMALL")).Plain());
        var state = await _bot.StateAsync();
        Assert.Equal("small", state!.DialogStack[0].State["values"]!["size"]!.GetValue<string>());
    }

    [Fact]
    public async Task Prompt_WhenAnswerInvalid_ReasksWithValidatorMessage()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        Assert.Equal("Between 1 and 5 copies, please.", (await _bot.SendAsync("9")).Plain());
        Assert.Equal("Between 1 and 5 copies, please.", (await _bot.SendAsync("7")).Plain());
        Assert.Equal("Your name?", (await _bot.SendAsync("3")).Plain());
    }

    [Fact]
    public async Task Prompt_WhenTwoMessagesSayNothing_AsksOnceWithTheMenuHintThenServesTheSecond()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        var retry = (await _bot.SendAsync("???")).Plain();
        Assert.StartsWith("Sorry, I didn't understand that. How many copies?", retry);
        Assert.Contains("\"menu\"", retry);

        var served = (await _bot.SendAsync("¿¿...??")).Plain();
        Assert.Contains("Sorry, I didn't understand. Write \"menu\"", served);
        Assert.DoesNotContain("How many copies?", served);
        Assert.Empty((await _bot.StateAsync())!.DialogStack);
    }

    [Fact]
    public async Task Prompt_WhenWordsThatAreNoAnswerArrive_TriesThemAsANewRequest()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        var served = (await _bot.SendAsync("qzxv plimbo")).Plain();
        Assert.Contains("Sorry, I didn't understand \"qzxv plimbo\", and it is not a title in the catalogue.", served);
        Assert.DoesNotContain("How many copies?", served);
        Assert.Empty((await _bot.StateAsync())!.DialogStack);
    }

    [Fact]
    public async Task Prompt_WhenTheMessageClearlyAsksForSomethingElse_ServesItInsteadOfRefusingIt()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        var hours = await _bot.SendAsync("what time do you close today?");
        Assert.Contains("Central Library", hours[0].ToPlainText());
        Assert.Equal("How many copies?", hours[^1].ToPlainText());

        var search = (await _bot.SendAsync("search frankenstein")).Plain();
        Assert.Contains("Mary Shelley", search);
        Assert.DoesNotContain("How many copies?", search);
    }

    [Fact]
    public async Task Help_WhenMidDialog_AnswersThenReasksTheSameQuestion()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        var help = await _bot.SendAsync("help");
        Assert.Contains("I can help with the library catalogue", help[0].ToPlainText());
        Assert.Equal("How many copies?", help[1].ToPlainText());
        Assert.Equal("Your name?", (await _bot.SendAsync("1")).Plain());
    }

    [Fact]
    public async Task Librarian_WhenMidDialogAndDeclined_ResumesTheInterruptedQuestion()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        var offer = Assert.IsType<ChoiceQuestion>(Assert.Single(await _bot.SendAsync("librarian")));
        Assert.Contains("librarian", offer.Text);
        var declined = await _bot.SendAsync("no");
        Assert.Equal(["OK, I'll keep helping you myself.", "How many copies?"], declined.Select(m => m.ToPlainText()));
        Assert.Equal("Your name?", (await _bot.SendAsync("4")).Plain());
    }

    [Fact]
    public async Task Librarian_WhenAccepted_StoresEscalationAndEndsTheDialogs()
    {
        await _bot.SendAsync("order");
        await _bot.SendAsync("bibliotecario");
        var created = await _bot.ChooseAsync("yes");
        Assert.Contains("He pedido a un bibliotecario", created.Plain());
        var state = await _bot.StateAsync();
        Assert.Empty(state!.DialogStack);
        Assert.Equal(LibraryBot.Bot.Engine.EscalationReason.PatronAsked, state.Escalation!.Reason);
    }

    [Fact]
    public async Task Librarian_WhenSaidAgainWhileOffered_IsAYesAndDoesNotStackASecondQuestion()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        Assert.Contains("librarian", Assert.IsType<ChoiceQuestion>(Assert.Single(await _bot.SendAsync("librarian"))).Text);
        Assert.Contains("I've asked a librarian", (await _bot.SendAsync("librarian please")).Plain());
        Assert.Empty((await _bot.StateAsync())!.DialogStack);
        Assert.Contains("already been asked", (await _bot.SendAsync("librarian")).Plain());
        Assert.Empty((await _bot.StateAsync())!.DialogStack);
    }

    [Fact]
    public async Task Cancel_WhenMidDialog_ClearsTheStack()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("large");
        Assert.Equal("OK, I've stopped that.", (await _bot.SendAsync("cancel")).Plain());
        Assert.Empty((await _bot.StateAsync())!.DialogStack);
    }

    [Fact]
    public async Task Menu_WhenMidDialog_ReplacesTheStackWithTheMenu()
    {
        await _bot.SendAsync("order");
        var menu = Assert.IsType<ChoiceQuestion>(Assert.Single(await _bot.SendAsync("menu")));
        Assert.Equal("What would you like to do?", menu.Text);
        var state = await _bot.StateAsync();
        Assert.Equal(["menu", "menu.choice"], state!.DialogStack.Select(d => d.Id));
    }

    [Fact]
    public async Task LanguageSwitch_WhenMidDialog_SwitchesAndReasksInTheNewLanguage()
    {
        await _bot.SendAsync("order");
        await _bot.ChooseAsync("small");
        var switched = await _bot.SendAsync("español");
        Assert.Equal("De acuerdo, a partir de ahora te escribo en español.", switched[0].ToPlainText());
        Assert.Equal("How many copies?", switched[1].ToPlainText());
        Assert.Equal("es", (await _bot.StateAsync())!.Locale);
        // Nothing to search for either (words would be tried as a title): the question is asked again, in Spanish.
        var retry = await _bot.SendAsync("¿¿??");
        Assert.StartsWith("Perdona, no lo he entendido.", retry.Plain());
    }

    [Fact]
    public async Task NotUnderstood_WhenTwiceInARow_OffersALibrarian()
    {
        var first = await _bot.SendAsync("blorp");
        Assert.Contains("Sorry, I didn't understand", first[^1].ToPlainText());
        var second = Assert.IsType<ChoiceQuestion>(Assert.Single(await _bot.SendAsync("wubzo flimbat")));
        Assert.Equal("Would you like me to pass this chat to a librarian?", second.Text);
    }

    [Fact]
    public async Task FirstContact_GreetsOnceWithThePrivacyLink()
    {
        var first = await _bot.SendAsync("order");
        Assert.Contains("https://library.example/privacy", first[0].ToPlainText());
        var second = await _bot.ChooseAsync("small");
        Assert.DoesNotContain("privacy", second.Plain(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SameDedupeKey_WhenDeliveredTwice_RunsOneTurn()
    {
        var activity = _bot.NewActivity(Channels.Activities.ActivityType.Message) with { Text = "order" };
        var first = await _bot.SendAsync(activity);
        var second = await _bot.SendAsync(activity);
        Assert.NotEmpty(first);
        Assert.Empty(second);
    }
}
