using System.Text.Json.Nodes;
using L = LibraryBot.Channels.WhatsApp.Sending.WhatsAppLimits;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>
/// Checks a <c>/messages</c> request body the way the Cloud API does (channels.md A.5, D.17): the sender checks every
/// body before it leaves, and the sandbox's fake Graph API refuses what Meta would refuse. Null means acceptable.
/// </summary>
public static class WhatsAppBodyValidator
{
    private const int MissingParameter = 100;
    private const int InvalidParameter = 131009;

    public static WhatsAppBodyProblem? Validate(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            return Missing("The request body must be a JSON object.");
        }

        if (Str(root, "messaging_product") != "whatsapp")
        {
            return Missing("The parameter messaging_product is required and must be \"whatsapp\".");
        }

        if (Str(root, "status") is { } status)
        {
            return status != "read" ? Invalid("status must be \"read\".")
                : Str(root, "message_id") is null ? Missing("The parameter message_id is required.")
                : root["typing_indicator"] is JsonObject typing && Str(typing, "type") != "text" ? Invalid("typing_indicator.type must be \"text\".")
                : null;
        }

        if (Str(root, "to") is null)
        {
            return Missing("The parameter to is required.");
        }

        var type = Str(root, "type") ?? "text";
        if (root[type] is not JsonObject content)
        {
            return Missing($"The parameter {type} is required.");
        }

        return type switch
        {
            "text" => Length(Str(content, "body"), 1, L.TextBody, "text.body"),
            "interactive" => Interactive(content),
            "template" => Template(content),
            "image" => Image(content),
            "reaction" => Str(content, "message_id") is null ? Missing("The parameter reaction.message_id is required.") : null,
            _ => Invalid($"Message type \"{type}\" is not one LibraryBot sends."),
        };
    }

    /// <summary>An image by link (absolute http or https) or by uploaded media id, with an optional caption.</summary>
    private static WhatsAppBodyProblem? Image(JsonObject image)
    {
        var link = Str(image, "link");
        var id = Str(image, "id");
        if ((link is null) == (id is null))
        {
            return Missing("The parameter image requires exactly one of link or id.");
        }

        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            return Invalid("image.link must be an absolute http or https URL.");
        }

        return image["caption"] is null ? null : Length(Str(image, "caption"), 1, L.MediaCaption, "image.caption");
    }

    private static WhatsAppBodyProblem? Interactive(JsonObject interactive)
    {
        var type = Str(interactive, "type");
        if (type is not ("button" or "list"))
        {
            return Invalid("interactive.type must be button or list.");
        }

        WhatsAppBodyProblem? headerProblem = interactive["header"] is not JsonObject header ? null
            : Str(header, "type") == "text" ? Length(Str(header, "text"), 1, L.HeaderOrFooter, "header.text")
            : type == "list" ? Invalid("A list header must be text.")
            : null;
        return headerProblem
            ?? Length(Str(interactive["body"] as JsonObject, "text"), 1, L.InteractiveBody, "body.text")
            ?? (interactive["footer"] is JsonObject footer ? Length(Str(footer, "text"), 1, L.HeaderOrFooter, "footer.text") : null)
            ?? (interactive["action"] is not JsonObject action ? Missing("The parameter interactive.action is required.")
                : type == "button" ? Buttons(action) : List(action));
    }

    private static WhatsAppBodyProblem? Buttons(JsonObject action)
    {
        var buttons = (action["buttons"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (buttons.Count is < 1 or > L.MaxButtons)
        {
            return Invalid($"Buttons count is invalid. Buttons must be between 1 and {L.MaxButtons}.");
        }

        var replies = buttons.Select(b => b["reply"] as JsonObject).ToList();
        return buttons.Any(b => Str(b, "type") != "reply") ? Invalid("Button type must be reply.")
            : replies.Select(r => Id(Str(r, "id"), L.ButtonId, "Button id") ?? Length(Str(r, "title"), 1, L.ButtonTitle, "Button title")).FirstOrDefault(p => p is not null)
            ?? Unique(replies.Select(r => Str(r, "id")), "Button ids")
            ?? Unique(replies.Select(r => Str(r, "title")), "Button titles");
    }

    private static WhatsAppBodyProblem? List(JsonObject action)
    {
        var sections = (action["sections"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var rows = sections.SelectMany(s => (s["rows"] as JsonArray)?.OfType<JsonObject>() ?? []).ToList();
        return Length(Str(action, "button"), 1, L.ListButton, "action.button")
            ?? (sections.Count is < 1 or > L.MaxSections ? Invalid($"Sections count is invalid. There must be 1 to {L.MaxSections} sections.") : null)
            ?? (sections.Count > 1 ? sections.Select(s => Length(Str(s, "title"), 1, L.SectionTitle, "Section title")).FirstOrDefault(p => p is not null) : null)
            ?? (sections.Count == 1 && Str(sections[0], "title") is { } title ? Length(title, 0, L.SectionTitle, "Section title") : null)
            ?? (rows.Count is < 1 or > L.MaxRows ? Invalid($"Total row count exceed max allowed count: {L.MaxRows}. There must be 1 to {L.MaxRows} rows in all sections.") : null)
            ?? rows.Select(r => Id(Str(r, "id"), L.RowId, "Row id")
                ?? Length(Str(r, "title"), 1, L.RowTitle, "Row title")
                ?? (Str(r, "description") is { } d ? Length(d, 0, L.RowDescription, "Row description") : null)).FirstOrDefault(p => p is not null)
            ?? Unique(rows.Select(r => Str(r, "id")), "Row ids");
    }

    private static WhatsAppBodyProblem? Template(JsonObject template)
    {
        if (Str(template, "name") is null || Str(template["language"] as JsonObject, "code") is null)
        {
            return Missing("The parameters template.name and template.language.code are required.");
        }

        foreach (var component in (template["components"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var kind = Str(component, "type");
            if (kind is not ("header" or "body" or "button"))
            {
                return Invalid("Template component type must be header, body or button.");
            }

            if (kind == "button" && (component["index"] is not JsonValue index || !index.TryGetValue<string>(out var i) || i.Length != 1 || !char.IsAsciiDigit(i[0])))
            {
                return Invalid("Template button index must be a string from \"0\" to \"9\".");
            }

            foreach (var parameter in (component["parameters"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if (Str(parameter, "type") == "text" && string.IsNullOrEmpty(Str(parameter, "text")))
                {
                    return Missing("Template text parameters need a non-empty text.");
                }
            }
        }

        return null;
    }

    private static WhatsAppBodyProblem? Length(string? value, int min, int max, string field)
    {
        var length = value?.Length ?? 0;
        return length >= min && length <= max ? null
            : Invalid($"{field} length invalid. Min length: {min}, Max length: {max}, actual length: {length}.");
    }

    private static WhatsAppBodyProblem? Id(string? id, int max, string field) =>
        Length(id, 1, max, field) ?? (id != id!.Trim() ? Invalid($"{field} cannot have leading or trailing spaces.") : null);

    private static WhatsAppBodyProblem? Unique(IEnumerable<string?> values, string field)
    {
        var list = values.ToList();
        return list.Distinct(StringComparer.Ordinal).Count() == list.Count ? null : Invalid($"{field} must be unique.");
    }

    private static WhatsAppBodyProblem? Invalid(string details) => new(InvalidParameter, details);

    private static WhatsAppBodyProblem? Missing(string details) => new(MissingParameter, details);

    private static string? Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
