using LibraryBot.Bot.Conversations.Hours;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>Today's hours in the branch's own time zone, exceptions first (the demo library's hours and closures).</summary>
public sealed class BranchHoursTests
{
    private const string Zone = "America/Los_Angeles";
    private readonly BotText _text = new();

    private static readonly Branch Central = new("central", "Central Library", null, null, null, null, Zone,
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new OpeningHours(d, new(9, 0), new(20, 0))),
         new OpeningHours(DayOfWeek.Saturday, new(10, 0), new(17, 0)), new OpeningHours(DayOfWeek.Sunday, new(12, 0), new(17, 0))],
        [new HoursException(new DateOnly(2026, 12, 25), null, null, "Christmas Day"), new HoursException(new DateOnly(2026, 12, 24), new(10, 0), new(14, 0), "Christmas Eve")]);

    private static readonly Branch Riverside = Central with { BranchId = "riverside", Name = "Riverside Branch", Weekly = [new OpeningHours(DayOfWeek.Monday, new(10, 0), new(18, 0))], Exceptions = [] };

    [Theory]
    // Monday 23 November 2026; Los Angeles is UTC-8.
    [InlineData("2026-11-23T18:30:00Z", "en", "Central Library is open until 20:00 today.")]
    [InlineData("2026-11-23T15:00:00Z", "en", "Central Library opens today at 09:00 (until 20:00).")]
    [InlineData("2026-11-24T05:00:00Z", "en", "Central Library has closed for today (it was open 09:00–20:00).")]
    [InlineData("2026-11-23T18:30:00Z", "es", "Central Library está abierta hoy hasta las 20:00.")]
    [InlineData("2026-12-25T20:00:00Z", "en", "Central Library is closed today (Christmas Day).")]
    [InlineData("2026-12-24T19:00:00Z", "zh-Hans", "Central Library今天开放至 14:00。 今天为特殊开放时间（Christmas Eve）。")]
    public void Describe_WhenTimeAndDayVary_UsesTheBranchTimeZoneAndExceptions(string utc, string locale, string expected) =>
        Assert.Equal(expected, BranchHours.Describe(Central, new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), _text, locale));

    [Fact]
    public void Describe_WhenTheBranchHasNoHoursThatWeekday_SaysItIsClosedOnThatDay() =>
        // Sunday 22 November 2026, 11:00 in Los Angeles.
        Assert.Equal("Riverside Branch is closed on Sundays.", BranchHours.Describe(Riverside, new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 19, 0, 0, TimeSpan.Zero)), _text, "en"));

    [Fact]
    public void Describe_WhenAClosureHasNoReason_SaysClosedToday()
    {
        var branch = Central with { Exceptions = [new HoursException(new DateOnly(2026, 11, 23), null, null, null)] };
        Assert.Equal("Central Library is closed today.", BranchHours.Describe(branch, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero)), _text, "en"));
    }
}
