using System.Collections.Concurrent;
using System.Globalization;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Localization;

/// <summary>Dates, times, money and card numbers as patrons see them, in their language.</summary>
public static class DisplayFormats
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.Ordinal);

    /// <summary>Month and day in the patron's language ("December 14", "14 de diciembre", "12月14日", "14 tháng 12").</summary>
    public static string Date(DateOnly date, string locale) =>
        date.ToString(BotLocales.Culture(locale).DateTimeFormat.MonthDayPattern, BotLocales.Culture(locale));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DayName(DayOfWeek day, string locale) => BotLocales.Culture(locale).DateTimeFormat.GetDayName(day);

    /// <summary>Only the last four digits of a card number, e.g. "••••0011".</summary>
    public static string MaskCard(string cardNumber) => "••••" + (cardNumber.Length > 4 ? cardNumber[^4..] : cardNumber);

    /// <summary>
    /// An amount in the usual form of the patron's language, with the currency's own symbol: "$2.50" in English,
    /// "2,50 US$" in Spanish, "US$2.50" in Chinese, "2,50 US$" in Vietnamese (USD); "€2.50" / "2,50 €" (EUR).
    /// </summary>
    public static string Money(decimal amount, string currency, string locale)
    {
        var culture = SpecificCulture(locale);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbol(currency, culture);
        format.CurrencyDecimalDigits = 2;
        return amount.ToString("C", format);
    }

    /// <summary>
    /// The currency's symbol from its home region ("$" for USD, "€" for EUR, "₫" for VND); a sign several currencies share
    /// ("$", "¥") gets its country's letters ("US$", "CN¥") unless the patron's own region pays in that currency.
    /// </summary>
    private static string Symbol(string currency, CultureInfo patronCulture)
    {
        var home = Symbols.GetOrAdd(currency, code => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => new RegionInfo(c.Name))
            .FirstOrDefault(r => string.Equals(r.ISOCurrencySymbol, code, StringComparison.Ordinal))?.CurrencySymbol ?? code);
        var ownCurrency = string.Equals(new RegionInfo(patronCulture.Name).ISOCurrencySymbol, currency, StringComparison.Ordinal);
        return !ownCurrency && home is "$" or "¥" or "£" or "kr" ? currency[..2] + home : home;
    }

    private static CultureInfo SpecificCulture(string locale) => locale switch
    {
        BotLocales.English => CultureInfo.GetCultureInfo("en-US"),
        BotLocales.Spanish => CultureInfo.GetCultureInfo("es-ES"),
        BotLocales.Chinese => CultureInfo.GetCultureInfo("zh-CN"),
        BotLocales.Vietnamese => CultureInfo.GetCultureInfo("vi-VN"),
        _ => CultureInfo.GetCultureInfo("en-US"),
    };
}
