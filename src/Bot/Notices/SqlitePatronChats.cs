using System.Text.Json;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Channels.Activities;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// <see cref="IPatronChats"/> over the bot's SQLite <c>conversations</c> table: the linked cards are in each state's
/// <c>values.cards</c> (read with <see cref="LinkedCards"/>); a WhatsApp chat's key ends in the patron's number.
/// </summary>
public sealed class SqlitePatronChats(SqliteDatabase database) : IPatronChats
{
    public Task<IReadOnlyList<PatronChat>> LinkedToAsync(string patronId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            // A cheap filter in SQL (the id as it appears inside the cards' JSON), then the exact check on the parsed cards.
            using var select = connection.Command(
                $"SELECT conversation_key, state_json FROM conversations WHERE instr(json_extract(state_json, '$.values.{LinkedCards.CardsKey}'), $id) > 0")
                .With("$id", JsonSerializer.Serialize(patronId, StoreJson.Options));
            return Read(select, chat => chat.Cards.Any(c => c.PatronId == patronId));
        }, cancellationToken);

    public Task<IReadOnlyList<PatronChat>> WithPhoneAsync(string digits, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var select = connection.Command("SELECT conversation_key, state_json FROM conversations WHERE conversation_key LIKE $pattern")
                .With("$pattern", $"{ConversationRef.ChannelPrefix(ChannelId.WhatsApp)}:%:{digits}");
            return Read(select, chat => chat.Address.Channel == ChannelId.WhatsApp && chat.Address.UserId == digits);
        }, cancellationToken);

    private static IReadOnlyList<PatronChat> Read(SqliteCommand select, Func<PatronChat, bool> keep)
    {
        using var reader = select.ExecuteReader();
        var chats = new List<PatronChat>();
        while (reader.Read())
        {
            if (!ConversationIds.TryParseRef(reader.GetString(0), out var address))
            {
                continue;
            }

            var chat = PatronChat.From(address, StoreJson.Deserialize<ConversationState>(reader.GetString(1)));
            if (keep(chat))
            {
                chats.Add(chat);
            }
        }

        return chats;
    }
}
