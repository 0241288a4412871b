using LibraryBot.Bot.Conversations.Common;

namespace LibraryBot.Bot.Tests.Conversations;

public sealed class LocaleDetectorTests
{
    [Theory]
    [InlineData("找 红楼梦", "zh-Hans")]
    [InlineData("开放时间", "zh-Hans")]
    [InlineData("tìm truyện kiều", "vi")]
    [InlineData("giờ mở cửa", "vi")]
    [InlineData("buscar pepita jiménez", "es")]
    [InlineData("¿están abiertos?", "es")]
    [InlineData("quiero renovar mis libros", "es")]
    [InlineData("search moby dick", "en")]
    [InlineData("are you open now?", "en")]
    public void Detect_WhenTextHasAClearSignal_ReturnsItsLanguage(string text, string expected) =>
        Assert.Equal(expected, LocaleDetector.Detect(text));

    [Theory]
    [InlineData("RA")]
    [InlineData("29000100000011")]
    [InlineData("Frankenstein")]
    [InlineData("")]
    public void Detect_WhenTextHasNoSignal_ReturnsNull(string text) => Assert.Null(LocaleDetector.Detect(text));
}
