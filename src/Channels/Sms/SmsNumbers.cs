using PhoneNumbers;

namespace LibraryBot.Channels.Sms;

/// <summary>
/// Phone numbers for SMS, through libphonenumber: what a patron or librarian typed ("0612 345 678", "+34 612-34-56-78",
/// "(415) 555 2671") to E.164 ("+34612345678"), and checks of E.164 syntax.
/// </summary>
public static class SmsNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// True when <paramref name="input"/> is a valid number (by libphonenumber's metadata: length and number ranges of
    /// its country); <paramref name="e164"/> is then that number in E.164. A number without a country code is read as
    /// one of <paramref name="defaultRegion"/> (ISO 3166, e.g. <c>US</c>, <c>ES</c>).
    /// </summary>
    public static bool TryNormalize(string? input, string defaultRegion, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return false;
        }

        try
        {
            var number = Util.Parse(input, defaultRegion?.ToUpperInvariant());
            if (!Util.IsValidNumber(number))
            {
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>The country (ISO 3166, e.g. <c>ES</c>) of a full international number such as a WhatsApp id; null when unknown.</summary>
    public static string? RegionOf(string? international)
    {
        if (string.IsNullOrWhiteSpace(international) || international.Length > 20)
        {
            return null;
        }

        try
        {
            var region = Util.GetRegionCodeForNumber(Util.Parse(international.StartsWith('+') ? international : "+" + international, null));
            return region is null or "ZZ" or "001" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="number"/> is written in E.164: "+", a country code not starting with 0, at most 15 digits
    /// in all (syntax only: the number may still not exist).
    /// </summary>
    public static bool IsE164(string? number) =>
        number is { Length: >= 8 and <= 16 } && number[0] == '+' && number[1] is >= '1' and <= '9' && number.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>Whether libphonenumber knows the region (two letters, any case).</summary>
    public static bool IsKnownRegion(string? region) =>
        region is { Length: 2 } && Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    /// <summary>The E.164 number's digits without "+" (for the channel-independent language hint by country code).</summary>
    internal static string Digits(string e164) => e164.TrimStart('+');
}
