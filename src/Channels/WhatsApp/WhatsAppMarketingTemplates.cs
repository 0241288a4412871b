using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WhatsApp;

/// <summary>
/// The approved marketing templates of <c>Channels:WhatsApp:MarketingTemplates</c> (in sandbox mode with none configured,
/// <see cref="SandboxDefault"/>): whether a broadcast may name a template, how many parameters it takes, and the
/// Meta language code sent for a patron's locale.
/// </summary>
public sealed class WhatsAppMarketingTemplates
{
    /// <summary>The sandbox's marketing template: <c>library_news</c>, one body parameter (the news text), in the four languages.</summary>
    public static readonly WhatsAppMarketingTemplate SandboxDefault = new() { Name = "library_news", Languages = ["en", "es", "zh", "vi"], BodyParameters = 1 };

    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en",
        ["es"] = "es",
        ["zh"] = "zh_CN",
        ["vi"] = "vi",
    };

    private readonly WhatsAppSettings settings;

    internal WhatsAppMarketingTemplates(WhatsAppSettings settings) => this.settings = settings;

    /// <summary>The bot languages a marketing template may be approved in.</summary>
    public static IReadOnlyCollection<string> SupportedLanguages => Codes.Keys;

    public IReadOnlyList<WhatsAppMarketingTemplate> All => settings.MarketingTemplates;

    /// <summary>The approved marketing template called <paramref name="name"/> (exact, case-sensitive as Meta's names are), or null.</summary>
    public WhatsAppMarketingTemplate? Find(string? name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// Why <paramref name="template"/> cannot be sent (not an approved marketing template, or the wrong number of
    /// parameters, or an empty one), in words for staff; null when it can.
    /// </summary>
    public string? Problem(ExplicitTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var approved = Find(template.Name);
        if (approved is null)
        {
            var known = All.Count == 0 ? "none is configured" : "approved: " + string.Join(", ", All.Select(t => t.Name));
            return $"\"{template.Name}\" is not an approved WhatsApp marketing template (Channels:WhatsApp:MarketingTemplates; {known}).";
        }

        if (template.Parameters.Count != approved.BodyParameters)
        {
            return $"The WhatsApp template \"{approved.Name}\" takes {approved.BodyParameters} parameter(s), {template.Parameters.Count} given.";
        }

        return template.Parameters.Any(string.IsNullOrWhiteSpace)
            ? $"The parameters of the WhatsApp template \"{approved.Name}\" must not be empty."
            : null;
    }

    /// <summary>Meta's language code for a bot locale: en → en, es → es, zh(-Hans) → zh_CN, vi → vi; anything else → en.</summary>
    public static string LanguageCode(string? locale) =>
        Codes.GetValueOrDefault(Sending.WhatsAppWording.PrimaryLanguage(locale)) ?? "en";

    /// <summary>
    /// The Meta language code to send <paramref name="template"/> in for <paramref name="locale"/>: the patron's language
    /// when the template is approved in it, else English, else its first language.
    /// </summary>
    public static string LanguageCodeFor(WhatsAppMarketingTemplate template, string? locale)
    {
        ArgumentNullException.ThrowIfNull(template);
        var language = Sending.WhatsAppWording.PrimaryLanguage(locale);
        var chosen = template.Languages.Contains(language, StringComparer.OrdinalIgnoreCase) ? language
            : template.Languages.Contains("en", StringComparer.OrdinalIgnoreCase) ? "en"
            : template.Languages.FirstOrDefault() ?? "en";
        return LanguageCode(chosen);
    }
}
