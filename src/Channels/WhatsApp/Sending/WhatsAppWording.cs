namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>The few words the WhatsApp renderer adds itself (list button, "More…" row), per bot language.</summary>
internal sealed record WhatsAppWording(string ListButton, string More)
{
    private static readonly WhatsAppWording English = new("Choose", "More…");

    private static readonly Dictionary<string, WhatsAppWording> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        ["es"] = new("Elegir", "Más…"),
        ["zh"] = new("选择", "更多…"),
        ["vi"] = new("Chọn", "Thêm…"),
    };

    public static WhatsAppWording For(string? locale) =>
        ByLanguage.GetValueOrDefault(PrimaryLanguage(locale)) ?? English;

    /// <summary>"zh-Hans-CN" → "zh"; null or empty → "en".</summary>
    public static string PrimaryLanguage(string? locale) =>
        string.IsNullOrEmpty(locale) ? "en" : locale.Split('-', '_')[0].ToLowerInvariant();
}
