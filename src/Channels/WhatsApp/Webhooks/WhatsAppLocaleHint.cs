namespace LibraryBot.Channels.WhatsApp.Webhooks;

/// <summary>
/// A language hint from a phone number's country calling code (E.164 digits without +). Calling codes are a prefix
/// code, so the longest listed prefix (3, 2, then 1 digits) decides. Only the bot's languages are hinted.
/// </summary>
public static class WhatsAppLocaleHint
{
    private static readonly Dictionary<string, string> ByCallingCode = new(StringComparer.Ordinal)
    {
        // English
        ["1"] = "en", ["44"] = "en", ["61"] = "en", ["64"] = "en", ["353"] = "en", ["27"] = "en", ["234"] = "en",
        ["254"] = "en", ["233"] = "en", ["63"] = "en",
        // Spanish
        ["34"] = "es", ["52"] = "es", ["54"] = "es", ["56"] = "es", ["57"] = "es", ["58"] = "es", ["51"] = "es",
        ["53"] = "es", ["591"] = "es", ["593"] = "es", ["595"] = "es", ["598"] = "es", ["502"] = "es", ["503"] = "es",
        ["504"] = "es", ["505"] = "es", ["506"] = "es", ["507"] = "es", ["240"] = "es",
        // Chinese: mainland, Hong Kong, Macao, Taiwan, Singapore
        ["86"] = "zh", ["852"] = "zh", ["853"] = "zh", ["886"] = "zh", ["65"] = "zh",
        // Vietnamese
        ["84"] = "vi",
    };

    /// <summary>The BCP 47 language for the number's country, or null when unknown or not one of ours.</summary>
    public static string? FromPhoneNumber(string? digits)
    {
        if (string.IsNullOrEmpty(digits) || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        for (var length = Math.Min(3, digits.Length); length >= 1; length--)
        {
            if (ByCallingCode.TryGetValue(digits[..length], out var language))
            {
                return language;
            }
        }

        return null;
    }
}
