using LibraryBot.Bot.Handoff;

namespace LibraryBot.Bot.Tests.Handoff;

public sealed class StaffedHoursTests
{
    private static StaffedHours Parse(string zone, string weekly, string holidays = "") =>
        StaffedHours.Parse(new StaffedHoursOptions { TimeZone = zone, Weekly = weekly, Holidays = holidays });

    [Fact]
    public void NextOpening_WhenAfterClosingOnFriday_IsMondayMorningInTheLibrarysZone()
    {
        var hours = Parse("America/New_York", "Mon-Fri 09:00-17:00");
        var fridayEvening = new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero); // 18:30 in New York

        Assert.False(hours.IsOpen(fridayEvening));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(-5)), hours.NextOpening(fridayEvening));
    }

    [Fact]
    public void IsOpen_WhenSplitShiftsAndMidnightEnd_FollowsEachWindow()
    {
        var hours = Parse("UTC", "Mon-Fri 09:00-13:00; Mon-Thu 16:00-19:00; Sat 20:00-24:00");

        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 11, 23, 12, 59, 0, TimeSpan.Zero)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), hours.NextOpening(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero)));
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 11, 28, 23, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NextOpening_WhenEveryStaffedDayIsAHoliday_IsNull()
    {
        var hours = Parse("UTC", "Mon 09:00-10:00", string.Join(",", Enumerable.Range(0, 10).Select(w => new DateOnly(2026, 11, 23).AddDays(7 * w).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Null(hours.NextOpening(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Mars/Olympus", "Mon-Fri 09:00-17:00", "", "TimeZone")]
    [InlineData("UTC", "Mon-Fri 9-5", "", "Weekly")]
    [InlineData("UTC", "Mon-Fri 17:00-09:00", "", "Weekly")]
    [InlineData("UTC", "Mon-Fri 09:00-17:00", "25/12/2026", "Holidays")]
    public void Validator_WhenHoursAreMalformed_NamesTheProblem(string zone, string weekly, string holidays, string expected)
    {
        var options = new HandoffOptions { StaffedHours = new StaffedHoursOptions { TimeZone = zone, Weekly = weekly, Holidays = holidays } };
        var result = new HandoffOptionsValidator().Validate(options);

        var error = Assert.Single(result.Errors);
        Assert.Equal("StaffedHours", error.PropertyName);
        Assert.Contains(expected, error.ErrorMessage, StringComparison.Ordinal);
    }
}
