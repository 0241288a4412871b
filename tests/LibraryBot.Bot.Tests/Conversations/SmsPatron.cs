using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Sms;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>
/// A patron texting the library's SMS number, driven through the sandbox, which plays Twilio: it applies Twilio's
/// STOP/START handling, signs Twilio's form parameters and posts them to the real <c>/webhooks/sms</c>. Replies are
/// read from the fake Twilio API (plain text; Twilio's own automatic answers are left out).
/// </summary>
public sealed class SmsPatron(BotProcess bot, string number) : Patron(bot, number)
{
    public const string MessagesPath = SmsSandboxDefaults.SimulatorPath + "/messages";

    public async Task<Turn> SayAsync(string text) => await TurnAsync(await TextAsync(text));

    public override Task<Turn> TurnAsync(string dedupeKey) => CollectAsync(dedupeKey, MessagesPath, Render, item => item["seq"]!.GetValue<long>(), []);

    /// <summary>Texts the library and returns the message SID (the inbound dedupe key) without waiting for the turn.</summary>
    public async Task<string> TextAsync(string text)
    {
        using var response = await Bot.Http.PostAsJsonAsync(SmsSandboxDefaults.SimulatorPath + "/simulate", new { from = Id, text });
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The simulated SMS was refused ({(int)response.StatusCode}): {answer}");
        return JsonNode.Parse(answer)!["id"]!.GetValue<string>();
    }

    /// <summary>What reached the phone, Twilio's automatic answers included, oldest first.</summary>
    public async Task<IReadOnlyList<(string Text, bool Automatic)>> InboxAsync() =>
        [.. JsonNode.Parse(await Bot.Http.GetStringAsync($"{MessagesPath}?to={Uri.EscapeDataString(Id)}&after=0"))!.AsArray()
            .Select(i => (i!["body"]!["body"]!.GetValue<string>(), i["body"]!["automatic"]!.GetValue<bool>()))];

    private static string Render(JsonNode item) =>
        item["body"]!["automatic"]!.GetValue<bool>() ? "(Twilio) " + item["body"]!["body"]!.GetValue<string>() : item["body"]!["body"]!.GetValue<string>();
}
