using System.Text.Json.Nodes;

namespace LibraryBot.Channels.WeChat;

/// <summary>The menu in Tencent's shape, and a canonical form to compare the configured menu with <c>menu/get</c>.</summary>
internal static class WeChatMenuJson
{
    /// <summary><c>{"button":[…]}</c> for <c>menu/create</c>.</summary>
    public static JsonObject Create(IEnumerable<WeChatMenuButton> menu) =>
        new() { ["button"] = new JsonArray(menu.Select(Button).ToArray<JsonNode?>()) };

    /// <summary>
    /// Canonical text of a <c>button</c> array: only name, type, key, url and non-empty sub_button, in that order
    /// (menu/get adds empty sub_button arrays and may add other fields).
    /// </summary>
    public static string Canonical(JsonArray? buttons) =>
        new JsonArray((buttons ?? []).OfType<JsonObject>().Select(Canonical).ToArray<JsonNode?>()).ToJsonString();

    private static JsonObject Button(WeChatMenuButton b)
    {
        var json = new JsonObject { ["name"] = b.Name };
        if (b.SubButtons.Count > 0)
        {
            json["sub_button"] = new JsonArray(b.SubButtons.Select(Button).ToArray<JsonNode?>());
            return json;
        }

        json["type"] = b.Type;
        if (b.Type == WeChatMenuButtonValidator.Click)
        {
            json["key"] = b.Key;
        }
        else
        {
            json["url"] = b.Url;
        }

        return json;
    }

    private static JsonObject Canonical(JsonObject b)
    {
        var json = new JsonObject();
        foreach (var name in new[] { "name", "type", "key", "url" })
        {
            if (b[name] is JsonValue value)
            {
                json[name] = value.ToString();
            }
        }

        if (b["sub_button"] is JsonArray { Count: > 0 } subs)
        {
            json["sub_button"] = new JsonArray(subs.OfType<JsonObject>().Select(Canonical).ToArray<JsonNode?>());
        }

        return json;
    }
}
