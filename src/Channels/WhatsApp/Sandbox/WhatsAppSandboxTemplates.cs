using System.Text.Json.Nodes;

namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>The category of a template the fake Graph API knows.</summary>
internal enum WhatsAppTemplateCategory
{
    Utility,
    Marketing,
}

/// <summary>
/// The templates the fake Graph API treats as approved: the configured notice templates (<c>Channels:WhatsApp:Templates</c>,
/// utility) and the marketing list (<c>Channels:WhatsApp:MarketingTemplates</c>), each in the languages it was approved in.
/// </summary>
internal static class WhatsAppSandboxTemplates
{
    /// <summary>The approved template's category and body parameter count, or null when no such name exists in that language (Meta: 132001).</summary>
    public static (WhatsAppTemplateCategory Category, int Parameters)? Find(WhatsAppSettings settings, string name, string languageCode)
    {
        foreach (var template in settings.Templates.Values.SelectMany(byLanguage => byLanguage.Values))
        {
            if (template.Name == name && template.Language == languageCode)
            {
                return (WhatsAppTemplateCategory.Utility, template.Parameters.Count);
            }
        }

        var marketing = settings.MarketingTemplates.FirstOrDefault(t => t.Name == name
            && t.Languages.Any(l => WhatsAppMarketingTemplates.LanguageCode(l) == languageCode));
        return marketing is null ? null : (WhatsAppTemplateCategory.Marketing, marketing.BodyParameters);
    }

    /// <summary>How many parameters the request's body component gives.</summary>
    public static int BodyParameters(JsonNode template) =>
        (template["components"] as JsonArray)?.OfType<JsonObject>()
            .Where(c => (string?)c["type"] == "body")
            .Sum(c => (c["parameters"] as JsonArray)?.Count ?? 0) ?? 0;
}
