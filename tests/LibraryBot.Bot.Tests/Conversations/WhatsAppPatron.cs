using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.WhatsApp;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>A WhatsApp user (wa_id = phone number): Meta-shaped, signed webhook posts; replies read from the fake Graph API.</summary>
public sealed class WhatsAppPatron(BotProcess bot, string phone) : Patron(bot, phone)
{
    public Task<Turn> SayAsync(string text) =>
        DeliverAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } });

    /// <summary>Taps a reply button (or a list row) with this id, as WhatsApp reports it.</summary>
    public Task<Turn> TapAsync(string choiceId, bool listRow = false)
    {
        var kind = listRow ? "list_reply" : "button_reply";
        return DeliverAsync(new JsonObject
        {
            ["type"] = "interactive",
            ["interactive"] = new JsonObject { ["type"] = kind, [kind] = new JsonObject { ["id"] = choiceId, ["title"] = choiceId } },
        });
    }

    public Task<Turn> ShareLocationAsync(double latitude, double longitude) =>
        DeliverAsync(new JsonObject
        {
            ["type"] = "location",
            ["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude },
        });

    public override Task<Turn> TurnAsync(string dedupeKey) =>
        CollectAsync(dedupeKey, "/sandbox/whatsapp/messages", Render, item => item["seq"]!.GetValue<long>(), []);

    /// <summary>The id of the choice titled <paramref name="title"/> in the last interactive message of a turn.</summary>
    public static string ChoiceId(Turn turn, string title)
    {
        var interactive = turn.Raw.Select(r => r["body"]?["interactive"]).Last(i => i is not null)!;
        var action = interactive["action"]!;
        var options = action["buttons"]?.AsArray().Select(b => b!["reply"]!)
            ?? action["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray()).Select(r => r!);
        return options.First(o => o["title"]!.GetValue<string>().Contains(title, StringComparison.Ordinal))["id"]!.GetValue<string>();
    }

    private async Task<Turn> DeliverAsync(JsonObject message)
    {
        message["from"] = Id;
        var wamid = "wamid." + Guid.NewGuid().ToString("N");
        message["id"] = wamid;
        message["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "WABA-1",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550000000", ["phone_number_id"] = WhatsAppSandboxDefaults.PhoneNumberId },
                        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Patron" }, ["wa_id"] = Id }),
                        ["messages"] = new JsonArray(message),
                    },
                }),
            }),
        }.ToJsonString();
        using var response = await WhatsAppWebhook.PostAsync(Bot.Http, body);
        Assert.True(response.IsSuccessStatusCode, $"Webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await TurnAsync(wamid);
    }

    /// <summary>A Graph API message body as the patron would read it: text, a picture with its caption, or interactive body with its buttons or rows.</summary>
    private static string Render(JsonNode item)
    {
        var body = item["body"]!;
        if (body["text"]?["body"] is { } text)
        {
            return text.GetValue<string>();
        }

        if (body["image"] is { } image)
        {
            return $"[picture {image["link"]}]" + (image["caption"] is { } caption ? "\n" + caption.GetValue<string>() : string.Empty);
        }

        var interactive = body["interactive"]!;
        var sb = new StringBuilder(interactive["body"]!["text"]!.GetValue<string>());
        var action = interactive["action"]!;
        foreach (var button in action["buttons"]?.AsArray() ?? [])
        {
            sb.Append("\n[").Append(button!["reply"]!["title"]!.GetValue<string>()).Append(']');
        }

        foreach (var row in action["sections"]?.AsArray().SelectMany(s => s!["rows"]!.AsArray()) ?? [])
        {
            sb.Append("\n- ").Append(row!["title"]!.GetValue<string>());
            if (row["description"] is { } description)
            {
                sb.Append(" · ").Append(description.GetValue<string>());
            }
        }

        return sb.ToString();
    }
}
