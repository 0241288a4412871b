using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.WhatsApp;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>
/// The real server with the handoff configured: an admin from settings (shown to patrons as <see cref="AdminDisplayName"/>),
/// staff in all week, the library in <see cref="TimeZone"/>; helpers to sign in and to escalate patrons.
/// </summary>
public class StaffServer : IAsyncLifetime
{
    public const string AdminUser = "admin";
    public const string AdminDisplayName = "Rosa Admin";
    public const string AdminPassword = "admin-password-1";
    public const string StaffPassword = "staff-password-1";

    /// <summary>UTC+7 all year (no daylight saving), so local times differ from UTC and are easy to compute.</summary>
    public const string TimeZone = "Asia/Ho_Chi_Minh";

    public BotProcess Bot { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Handoff__Admin__Username"] = AdminUser,
            ["Handoff__Admin__DisplayName"] = AdminDisplayName,
            ["Handoff__Admin__Password"] = AdminPassword,
            ["Handoff__StaffedHours__Weekly"] = "Mon-Sun 00:00-24:00",
            ["Handoff__StaffedHours__TimeZone"] = TimeZone,
            // Notice runs only when a test asks for one, at any hour.
            ["Notices__Enabled"] = "false",
            ["Notices__QuietHours"] = "",
        };
        foreach (var (key, value) in MoreSettings)
        {
            settings[key] = value;
        }

        Bot = await BotProcess.StartAsync(settings);
    }

    /// <summary>Settings a server for some tests adds to these (environment variable names).</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>();

    public ValueTask DisposeAsync() => Bot.DisposeAsync();

    public static string IdOf(string patronNumber) =>
        ConversationIds.Encode(new ConversationRef(ChannelId.WhatsApp, WhatsAppSandboxDefaults.PhoneNumberId, patronNumber).Key);

    /// <summary>Signs in for a bearer token and returns a client that sends it.</summary>
    public async Task<HttpClient> SignInAsync(string username, string password)
    {
        var response = await Bot.Http.PostAsJsonAsync("/api/staff/login", new { username, password });
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {username} failed: {(int)response.StatusCode}");
        var token = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["accessToken"];
        Assert.False(string.IsNullOrEmpty(token), "The sign-in answer has no accessToken.");
        var client = new HttpClient { BaseAddress = Bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a staff account through the admin API (idempotent per name); its display name is the username in capitals.</summary>
    public async Task CreateStaffAsync(string username, string role)
    {
        using var admin = await SignInAsync(AdminUser, AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/staff/accounts", new { username, displayName = username.ToUpperInvariant(), role, password = StaffPassword });
        Assert.True(created.IsSuccessStatusCode || created.StatusCode == System.Net.HttpStatusCode.Conflict, $"Creating {username}: {(int)created.StatusCode}");
    }

    /// <summary>Creates a staff account (see <see cref="CreateStaffAsync"/>) and signs it in.</summary>
    public async Task<HttpClient> StaffAsync(string username, string role)
    {
        await CreateStaffAsync(username, role);
        return await SignInAsync(username, StaffPassword);
    }

    /// <summary>The patron writes each message in turn (signed webhooks, a moment apart so each turn runs in order).</summary>
    public async Task SayAsync(string patronNumber, IEnumerable<string> messages, DateTimeOffset? writtenAt = null)
    {
        foreach (var text in messages)
        {
            var body = WhatsAppWebhook.TextBody(patronNumber, text, timestamp: (writtenAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());
            var posted = await WhatsAppWebhook.PostAsync(Bot.Http, body);
            Assert.True(posted.IsSuccessStatusCode, $"Webhook refused: {(int)posted.StatusCode}");
            await Task.Delay(300);
        }
    }

    /// <summary>The patron asks for a librarian and accepts (signed webhooks); returns once the queue shows the request.</summary>
    public async Task<string> EscalateAsync(HttpClient staff, string patronNumber, DateTimeOffset? writtenAt = null)
    {
        await SayAsync(patronNumber, ["librarian", "yes"], writtenAt);
        var id = IdOf(patronNumber);
        await Bot.WaitUntilAsync(async () => (await staff.GetStringAsync("/api/staff/queue")).Contains(id, StringComparison.Ordinal), "the patron in the staff queue");
        return id;
    }

    /// <summary>The queue row of this conversation (fails when it is not in the queue).</summary>
    public static async Task<JsonNode> QueueRowAsync(HttpClient staff, string id)
    {
        var items = JsonNode.Parse(await staff.GetStringAsync("/api/staff/queue"))!["items"]!.AsArray();
        return items.Single(i => (string?)i!["id"] == id)!;
    }

    /// <summary>What the fake Graph API accepted for this patron (bodies, oldest first).</summary>
    public async Task<IReadOnlyList<JsonNode>> SentToAsync(string patronNumber)
    {
        var items = JsonNode.Parse(await Bot.Http.GetStringAsync($"/sandbox/whatsapp/messages?to={patronNumber}"))!.AsArray();
        return [.. items.Select(i => i!["body"]!)];
    }
}
