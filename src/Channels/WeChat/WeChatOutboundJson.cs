using System.Text.Json.Nodes;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WeChat;

/// <summary>Request bodies for the customer-service and template message APIs.</summary>
internal static class WeChatOutboundJson
{
    /// <summary>Text, or news with one article for a record card.</summary>
    public static JsonObject CustomMessage(string openId, OutboundMessage message)
    {
        if (message is RecordCard card)
        {
            var a = WeChatMessageText.Article(card);
            var article = new JsonObject { ["title"] = a.Title, ["description"] = a.Description };
            if (a.Url is not null)
            {
                article["url"] = a.Url;
            }

            if (a.PicUrl is not null)
            {
                article["picurl"] = a.PicUrl;
            }

            return new JsonObject
            {
                ["touser"] = openId,
                ["msgtype"] = "news",
                ["news"] = new JsonObject { ["articles"] = new JsonArray(article) },
            };
        }

        return new JsonObject
        {
            ["touser"] = openId,
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = WeChatMessageText.Text(message) },
        };
    }

    /// <summary>The template message body, or null (with the missing parameter) when the notice lacks a field's value.</summary>
    public static JsonObject? TemplateMessage(string openId, WeChatTemplate template, TemplateNotification notice, long outboxId, out string? missing)
    {
        var data = new JsonObject();
        foreach (var field in template.Fields)
        {
            if (!notice.Parameters.TryGetValue(field.Parameter, out var value))
            {
                missing = field.Parameter;
                return null;
            }

            data[field.DataKey] = new JsonObject { ["value"] = value };
        }

        missing = null;
        var body = new JsonObject
        {
            ["touser"] = openId,
            ["template_id"] = template.TemplateId,
            ["client_msg_id"] = $"librarybot-{outboxId}",
            ["data"] = data,
        };
        if (!string.IsNullOrEmpty(template.Url))
        {
            body["url"] = template.Url;
        }

        return body;
    }
}
