using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Tests.Understanding;

/// <summary>
/// Registering an SMS number (<c>sms-register</c>, with the number as typed), "SMS only" and "stop texting me" in the
/// four languages, typos and whole sentences included — without taking a card number, a PIN or STOP's meaning.
/// </summary>
public sealed class SmsIntentTests(InterpreterFixture understanding) : IClassFixture<InterpreterFixture>
{
    [Theory]
    [InlineData("text me at +1 415 555 0100", "+1 415 555 0100", "en")]
    [InlineData("Hi, could you please text me at (415) 555-0100? thanks", "(415) 555-0100", "en")]
    [InlineData("txt me at 415.555.0100", "415.555.0100", "en")]
    [InlineData("tetx me on +14155550100", "+14155550100", "en")]
    [InlineData("envíame un SMS al +34 612 34 56 78", "+34 612 34 56 78", "es")]
    [InlineData("hola, enviame un sms al 612-345-678 por favor", "612-345-678", "es")]
    [InlineData("mandame un sms al +34612345678", "+34612345678", "es")]
    [InlineData("发短信到 +86 138 1234 5678", "+86 138 1234 5678", "zh-Hans")]
    [InlineData("请发短信到13812345678", "13812345678", "zh-Hans")]
    [InlineData("nhắn tin cho tôi qua số +84 912 345 678", "+84 912 345 678", "vi")]
    [InlineData("nhan tin cho toi qua so 0912 345 678 nhé", "0912 345 678", "vi")]
    public async Task Interpret_WhenAPatronAsksToBeTexted_RegistersTheNumberAsTyped(string message, string number, string language)
    {
        var interpretation = await understanding.InterpretAsync(message);
        Assert.Equal((IntentNames.SmsRegister, number, language), (interpretation.Intent, interpretation.Entities.PhoneNumber, interpretation.Language));
        Assert.Null(interpretation.Entities.CardNumber);
        Assert.Null(interpretation.Entities.Pin);
    }

    [Theory]
    [InlineData("text me")]
    [InlineData("can you send me texts")]
    [InlineData("quiero avisos por sms")]
    [InlineData("给我发短信")]
    [InlineData("nhắn tin cho tôi")]
    public async Task Interpret_WhenNoNumberIsGiven_RegistersAndTheDialogAsks(string message)
    {
        var interpretation = await understanding.InterpretAsync(message);
        Assert.Equal(IntentNames.SmsRegister, interpretation.Intent);
        Assert.Null(interpretation.Entities.PhoneNumber);
    }

    [Theory]
    [InlineData("stop texting me", IntentNames.SmsStop)]
    [InlineData("please stop texting me", IntentNames.SmsStop)]
    [InlineData("no mas sms", IntentNames.SmsStop)]
    [InlineData("不要发短信", IntentNames.SmsStop)]
    [InlineData("đừng nhắn tin cho tôi nữa", IntentNames.SmsStop)]
    [InlineData("SMS only", IntentNames.SmsOnly)]
    [InlineData("solo SMS", IntentNames.SmsOnly)]
    [InlineData("只要短信", IntentNames.SmsOnly)]
    [InlineData("chỉ SMS", IntentNames.SmsOnly)]
    [InlineData("STOP", IntentNames.NewsStop)]
    [InlineData("29000100000011", IntentNames.LinkCard)]
    [InlineData("my card is 29000100000011 and my pin is 1234", IntentNames.LinkCard)]
    public async Task Interpret_StopOnlyAndCards_KeepTheirMeaning(string message, string intent) =>
        Assert.Equal(intent, (await understanding.InterpretAsync(message)).Intent);
}
