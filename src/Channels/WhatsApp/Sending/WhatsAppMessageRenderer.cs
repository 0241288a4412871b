using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>
/// Renders outbound messages as Cloud API request bodies (channels.md A.5), fitting every text to Meta's limits.
/// Free-form text longer than a message becomes several bodies.
/// </summary>
internal static class WhatsAppMessageRenderer
{
    public static IReadOnlyList<JsonObject> RenderFreeForm(OutboundMessage message, string to, string? locale) => message switch
    {
        TextMessage { ImageUrl: { } image } text when !string.IsNullOrWhiteSpace(image) => Picture(image.Trim(), text.Text, to),
        TextMessage text => Texts(text.Text, to),
        TemplateNotification { Replies.Count: > 0 } notification when notification.Text.Length <= WhatsAppLimits.InteractiveBody =>
            [Choices(new ChoiceQuestion(notification.Text, notification.Replies), to, locale)],
        TemplateNotification notification => Texts(notification.Text, to),
        ChoiceQuestion question => [Choices(question, to, locale)],
        RecordCard card => card.Actions.Count == 0
            ? Texts(RecordCardText.Essentials(card, "*"), to)
            : [Choices(new ChoiceQuestion(RecordCardText.Essentials(card, "*"), card.Actions), to, locale)],
        _ => throw new WhatsAppRenderException($"{message.GetType().Name} has no WhatsApp rendering."),
    };

    public static JsonObject RenderTemplate(TemplateNotification notification, WhatsAppTemplate template, string to)
    {
        var parameters = new JsonArray();
        foreach (var name in template.Parameters)
        {
            if (!notification.Parameters.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
            {
                throw new WhatsAppRenderException($"Template {template.Name} needs the parameter \"{name}\", which the {notification.Kind} notification does not give.");
            }

            parameters.Add(new JsonObject { ["type"] = "text", ["text"] = value.ReplaceLineEndings(" ") });
        }

        var body = new JsonObject { ["name"] = template.Name, ["language"] = new JsonObject { ["code"] = template.Language, ["policy"] = "deterministic" } };
        var components = new JsonArray();
        if (parameters.Count > 0)
        {
            components.Add(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
        }

        // Quick-reply buttons carry our choice id as their payload, which comes back in the "button" message a tap sends.
        var replies = notification.Replies ?? [];
        for (var i = 0; i < Math.Min(template.QuickReplyButtons, replies.Count); i++)
        {
            components.Add(new JsonObject
            {
                ["type"] = "button",
                ["sub_type"] = "quick_reply",
                ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["parameters"] = new JsonArray(new JsonObject { ["type"] = "payload", ["payload"] = replies[i].Id }),
            });
        }

        if (components.Count > 0)
        {
            body["components"] = components;
        }

        return Envelope(to, "template", body);
    }

    /// <summary>
    /// A template named by the message itself (a broadcast's marketing template), in <paramref name="languageCode"/>, its
    /// parameters positional in the body component.
    /// </summary>
    public static JsonObject RenderExplicitTemplate(ExplicitTemplate template, string languageCode, string to)
    {
        var body = new JsonObject { ["name"] = template.Name, ["language"] = new JsonObject { ["code"] = languageCode, ["policy"] = "deterministic" } };
        if (template.Parameters.Count > 0)
        {
            var parameters = new JsonArray();
            foreach (var value in template.Parameters)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new WhatsAppRenderException($"Template {template.Name} has an empty parameter.");
                }

                parameters.Add(new JsonObject { ["type"] = "text", ["text"] = value.ReplaceLineEndings(" ") });
            }

            body["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
        }

        return Envelope(to, "template", body);
    }

    /// <summary>
    /// An image message by link with the words as its caption when they fit (1,024); longer words follow as text
    /// messages, the picture first.
    /// </summary>
    private static IReadOnlyList<JsonObject> Picture(string imageUrl, string text, string to)
    {
        var image = new JsonObject { ["link"] = imageUrl };
        if (!string.IsNullOrWhiteSpace(text) && text.Length <= WhatsAppLimits.MediaCaption)
        {
            image["caption"] = text;
            return [Envelope(to, "image", image)];
        }

        return [Envelope(to, "image", image), .. string.IsNullOrWhiteSpace(text) ? [] : Texts(text, to)];
    }

    public static JsonObject Choices(ChoiceQuestion question, string to, string? locale)
    {
        if (question.Choices.Count == 0)
        {
            return Envelope(to, "text", new JsonObject { ["body"] = WhatsAppLimits.Fit(question.Text, WhatsAppLimits.TextBody) });
        }

        if (question.Choices.Count > WhatsAppLimits.MaxRows)
        {
            question = WhatsAppChoicePaging.Page(question, Math.Clamp(question.Page, 1, WhatsAppChoicePaging.PageCount(question)), locale);
        }

        var useButtons = question.Choices.Count <= WhatsAppLimits.MaxButtons
            && question.Choices.All(c => c.Title.Trim().Length <= WhatsAppLimits.ButtonTitle);
        CheckIds(question.Choices, useButtons ? WhatsAppLimits.ButtonId : WhatsAppLimits.RowId);
        var interactive = new JsonObject { ["type"] = useButtons ? "button" : "list" };
        if (!string.IsNullOrWhiteSpace(question.Header))
        {
            interactive["header"] = new JsonObject { ["type"] = "text", ["text"] = WhatsAppLimits.Fit(question.Header, WhatsAppLimits.HeaderOrFooter) };
        }

        var bodyText = string.IsNullOrWhiteSpace(question.Text) ? "…" : question.Text;
        interactive["body"] = new JsonObject { ["text"] = WhatsAppLimits.Fit(bodyText, WhatsAppLimits.InteractiveBody) };
        if (!string.IsNullOrWhiteSpace(question.Footer))
        {
            interactive["footer"] = new JsonObject { ["text"] = WhatsAppLimits.Fit(question.Footer, WhatsAppLimits.HeaderOrFooter) };
        }

        interactive["action"] = useButtons ? Buttons(question.Choices) : List(question, locale);
        return Envelope(to, "interactive", interactive);
    }

    private static JsonObject Buttons(IReadOnlyList<Choice> choices)
    {
        var titles = WhatsAppLimits.FitUnique(choices.Select(c => c.Title), WhatsAppLimits.ButtonTitle);
        var buttons = new JsonArray();
        for (var i = 0; i < choices.Count; i++)
        {
            buttons.Add(new JsonObject { ["type"] = "reply", ["reply"] = new JsonObject { ["id"] = choices[i].Id, ["title"] = titles[i] } });
        }

        return new JsonObject { ["buttons"] = buttons };
    }

    private static JsonObject List(ChoiceQuestion question, string? locale)
    {
        var titles = WhatsAppLimits.FitUnique(question.Choices.Select(c => c.Title), WhatsAppLimits.RowTitle);
        var rows = new JsonArray();
        for (var i = 0; i < question.Choices.Count; i++)
        {
            var choice = question.Choices[i];
            var row = new JsonObject { ["id"] = choice.Id, ["title"] = titles[i] };
            var description = !string.IsNullOrWhiteSpace(choice.Description)
                ? choice.Description
                : titles[i] != choice.Title.Trim() ? choice.Title.Trim() : null;
            if (description is not null)
            {
                row["description"] = WhatsAppLimits.Fit(description, WhatsAppLimits.RowDescription);
            }

            rows.Add(row);
        }

        var button = string.IsNullOrWhiteSpace(question.ListButton) ? WhatsAppWording.For(locale).ListButton : question.ListButton;
        return new JsonObject
        {
            ["button"] = WhatsAppLimits.Fit(button, WhatsAppLimits.ListButton),
            ["sections"] = new JsonArray(new JsonObject { ["rows"] = rows }),
        };
    }

    private static void CheckIds(IReadOnlyList<Choice> choices, int max)
    {
        foreach (var choice in choices)
        {
            if (string.IsNullOrEmpty(choice.Id) || choice.Id.Length > max || choice.Id.Trim().Length != choice.Id.Length)
            {
                throw new WhatsAppRenderException($"Choice ids must be 1 to {max} characters without leading or trailing spaces (one is {choice.Id.Length}).");
            }
        }

        if (choices.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            throw new WhatsAppRenderException("Choice ids must be unique within a question.");
        }
    }

    private static JsonObject[] Texts(string text, string to) =>
        [.. TextSplitter.Split(text, WhatsAppLimits.TextBody).Select(part => Envelope(to, "text", new JsonObject { ["body"] = part, ["preview_url"] = false }))];

    private static JsonObject Envelope(string to, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = to,
        ["type"] = type,
        [type] = content,
    };
}
