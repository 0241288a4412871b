using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;
using LibraryBot.Channels.WeChat;
using LibraryBot.Channels.WhatsApp;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>
/// The staff server with broadcasts sent at any hour (no quiet hours) and looked for every second; helpers for patrons
/// signing up through the signed webhooks and for an outreach account writing and sending broadcasts.
/// </summary>
public sealed class BroadcastServer : StaffServer
{
    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Broadcasts__QuietHours"] = "",
        ["Broadcasts__PollSeconds"] = "1",
    };

    public static string WhatsAppKey(Patron patron) => $"wa:{WhatsAppSandboxDefaults.PhoneNumberId}:{patron.Id}";

    public static string WeChatKey(Patron patron) => $"wx:{WeChatSandboxDefaults.AccountId}:{patron.Id}";

    /// <summary>The patron writes the news word of their language and picks the topics from the list, then Done.</summary>
    public static async Task SignUpAsync(WhatsAppPatron patron, string newsWord, params string[] topics)
    {
        (await patron.SayAsync(newsWord)).Contains("Alder Bay Public Library");
        foreach (var topic in topics)
        {
            await patron.TapAsync(topic, listRow: true);
        }

        await patron.TapAsync("news.done", listRow: true);
    }

    /// <summary>Writes a broadcast as outreach staff; returns its id (201 expected).</summary>
    public static async Task<(string Id, JsonNode Created)> CreateAsync(HttpClient outreach, object body)
    {
        using var response = await outreach.PostAsJsonAsync("/api/staff/broadcasts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Creating the broadcast: {(int)response.StatusCode} {text}");
        var created = JsonNode.Parse(text)!;
        return ((string)created["id"]!, created);
    }

    public static async Task<JsonNode> PostAsync(HttpClient outreach, string id, string action, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var response = await outreach.PostAsync($"/api/staff/broadcasts/{id}/{action}", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>What the patron received from the broadcast, once the dispatcher handed it to their chat and it was sent.</summary>
    public async Task<Turn> ReceiveAsync(Patron patron, string broadcastId, string? conversationKey = null)
    {
        var key = BroadcastKeys.DedupeKey(broadcastId, conversationKey ?? WhatsAppKey(patron));
        await Bot.WaitUntilAsync(() => Task.FromResult(Bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{key}'") == 1), $"the broadcast handed to {key}");
        return await patron.TurnAsync(key);
    }

    public async Task<JsonNode> WaitForStatusAsync(HttpClient staff, string id, string status, int seconds = 30)
    {
        JsonNode view = null!;
        await Bot.WaitUntilAsync(async () =>
        {
            view = JsonNode.Parse(await staff.GetStringAsync($"/api/staff/broadcasts/{id}"))!;
            return (string?)view["status"] == status;
        }, $"broadcast {id} {status}", seconds);
        return view;
    }
    /// <summary>Rows in the outbox for the patron's turn of the broadcast (of <paramref name="status"/> when given: 0 pending, 1 sent).</summary>
    public long OutboxRows(string broadcastId, Patron patron, int? status = null) =>
        Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{BroadcastKeys.DedupeKey(broadcastId, WhatsAppKey(patron))}'"
            + (status is { } s ? $" AND status = {s}" : string.Empty));

    /// <summary>Rows in the outbox for any chat's turn of the broadcast.</summary>
    public long OutboxRows(string broadcastId) =>
        Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key LIKE '{BroadcastKeys.DedupePrefix}{broadcastId}:%'");

    /// <summary>How many messages the fake Graph API accepted for the patron that contain <paramref name="text"/> (texts and template parameters).</summary>
    public async Task<int> AtTheFakeAsync(Patron patron, string text) =>
        (await SentToAsync(patron.Id)).Count(body => body.ToJsonString().Contains(text, StringComparison.Ordinal));

    /// <summary>The broadcast's recipients as the staff API lists them (chat masked).</summary>
    public static async Task<JsonArray> RecipientsAsync(HttpClient outreach, string id) =>
        JsonNode.Parse(await outreach.GetStringAsync($"/api/staff/broadcasts/{id}/recipients?limit=1000"))!.AsArray();

    /// <summary>
    /// Moves the patron's last message <paramref name="back"/> into the past, in the column the outbox reads and in the
    /// state the planner and turns read (the server reads both from the file on each use).
    /// </summary>
    public void MoveLastInbound(Patron patron, TimeSpan back) => MoveLastInbound(WhatsAppKey(patron), back);

    /// <inheritdoc cref="MoveLastInbound(Patron, TimeSpan)"/>
    public void MoveLastInbound(string conversationKey, TimeSpan back)
    {
        var at = DateTimeOffset.UtcNow - back;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Bot.DatabasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE conversations SET last_inbound_at = $ms, state_json = json_set(state_json, '$.lastInboundAt', $iso), version = version + 1
            WHERE conversation_key = $key
            """;
        command.Parameters.AddWithValue("$ms", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$iso", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$key", conversationKey);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
