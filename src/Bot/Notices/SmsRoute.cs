using System.Text.Json;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// The SMS number a patron registered for notices in a chat ("text me at …", or staff in the console), kept in the
/// chat's own state (so it lives and is erased with the chat, on every store), and whether notices go by SMS only.
/// </summary>
public sealed record SmsRoute(string Number, bool SmsOnly)
{
    private const string StateKey = "notices.sms";

    public static SmsRoute? Of(ConversationState state) =>
        state.Values.TryGetValue(StateKey, out var json) ? JsonSerializer.Deserialize<SmsRoute>(json, StoreJson.Options) : null;

    public void SaveTo(ConversationState state) => state.Values[StateKey] = JsonSerializer.Serialize(this, StoreJson.Options);

    public static void Clear(ConversationState state) => state.Values.Remove(StateKey);

    /// <summary>The number as shown back to the patron or staff: every digit hidden but the last four ("+•••••••0100").</summary>
    public static string Masked(string e164) =>
        e164.Length <= 5 ? e164 : "+" + new string('•', e164.Length - 5) + e164[^4..];
}
