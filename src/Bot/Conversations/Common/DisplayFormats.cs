using System.Globalization;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>Dates, times and card numbers as patrons see them, in their language.</summary>
public static class DisplayFormats
{
    /// <summary>Month and day in the patron's language ("December 14", "14 de diciembre", "12月14日", "14 tháng 12").</summary>
    public static string Date(DateOnly date, string locale) =>
        date.ToString(BotLocales.Culture(locale).DateTimeFormat.MonthDayPattern, BotLocales.Culture(locale));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DayName(DayOfWeek day, string locale) => BotLocales.Culture(locale).DateTimeFormat.GetDayName(day);

    /// <summary>Only the last four digits of a card number, e.g. "••••0011".</summary>
    public static string MaskCard(string cardNumber) => "••••" + (cardNumber.Length > 4 ? cardNumber[^4..] : cardNumber);

    public static string Money(decimal amount, string currency, string locale) =>
        string.Create(BotLocales.Culture(locale), $"{amount:0.00} {currency}");
}
