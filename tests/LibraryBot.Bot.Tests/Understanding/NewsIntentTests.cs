using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Tests.Understanding;

/// <summary>
/// Signing up for news (<c>news-signup</c>, with the topic as its value when one is named — also a poster's prefilled
/// text) and "my subscriptions" (<c>news-subscriptions</c>) in the four languages, without taking START or STOP's words.
/// </summary>
public sealed class NewsIntentTests(InterpreterFixture understanding) : IClassFixture<InterpreterFixture>
{
    [Theory]
    [InlineData("news")]
    [InlineData("News")]
    [InlineData("I want to get news from the library")]
    [InlineData("sign me up for the news please")]
    [InlineData("noticias")]
    [InlineData("quiero recibir noticias")]
    [InlineData("Quiero suscribirme a las novedades")]
    [InlineData("订阅")]
    [InlineData("我想订阅")]
    [InlineData("tin tức")]
    [InlineData("cho tôi nhận tin tức")]
    [InlineData("cho toi nhan tin tuc")]
    public async Task Interpret_WhenAPatronAsksForNews_SignsUp(string message)
    {
        var interpretation = await understanding.InterpretAsync(message);
        Assert.Equal(IntentNames.NewsSignup, interpretation.Intent);
        Assert.Null(interpretation.Value);
    }

    [Theory]
    [InlineData("news events", "events")]
    [InlineData("subscribe to events", "events")]
    [InlineData("sign me up for reading clubs", "reading-clubs")]
    [InlineData("noticias actividades", "events")]
    [InlineData("noticias novedades", "new-books")]
    [InlineData("订阅活动", "events")]
    [InlineData("我想订阅活动消息", "events")]
    [InlineData("订阅新书", "new-books")]
    [InlineData("tin tức sự kiện", "events")]
    [InlineData("tin tuc sach moi", "new-books")]
    public async Task Interpret_WhenATopicIsNamed_SignsUpForThatTopic(string message, string topic)
    {
        var interpretation = await understanding.InterpretAsync(message);
        Assert.Equal((IntentNames.NewsSignup, topic), (interpretation.Intent, interpretation.Value));
    }

    [Theory]
    [InlineData("my subscriptions")]
    [InlineData("what am I subscribed to?")]
    [InlineData("mis suscripciones")]
    [InlineData("¿a qué estoy suscrito?")]
    [InlineData("我的订阅")]
    [InlineData("我订阅了什么")]
    [InlineData("đăng ký của tôi")]
    [InlineData("dang ky cua toi")]
    public async Task Interpret_WhenAPatronAsksWhatTheyGet_ListsSubscriptions(string message) =>
        Assert.Equal(IntentNames.NewsSubscriptions, (await understanding.InterpretAsync(message)).Intent);

    [Theory]
    [InlineData("STOP", IntentNames.NewsStop)]
    [InlineData("取消订阅", IntentNames.NewsStop)]
    [InlineData("huy dang ky", IntentNames.NewsStop)]
    [InlineData("START", IntentNames.NewsStart)]
    [InlineData("恢复订阅", IntentNames.NewsStart)]
    [InlineData("subscribe again", IntentNames.NewsStart)]
    [InlineData("quiero volver a recibir las noticias", IntentNames.NewsStart)]
    public async Task Interpret_StopAndStartWords_KeepTheirMeaning(string message, string intent) =>
        Assert.Equal(intent, (await understanding.InterpretAsync(message)).Intent);
}
