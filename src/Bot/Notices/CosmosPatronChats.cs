using System.Text.Json;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Channels.Activities;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// <see cref="IPatronChats"/> over the conversation documents in Cosmos DB. Both look-ups cross partitions (the patron's
/// card or number is not the conversation key), paged: they serve the staff's pickup batch screen, never a patron's turn.
/// </summary>
public sealed class CosmosPatronChats(CosmosStorage storage) : IPatronChats
{
    public Task<IReadOnlyList<PatronChat>> LinkedToAsync(string patronId, CancellationToken cancellationToken) =>
        // A cheap filter in the query (the id as it appears inside the cards' JSON), then the exact check on the parsed cards.
        FindAsync(
            new QueryDefinition($"SELECT c.pk, c.state FROM c WHERE c.type = @type AND CONTAINS(c.state[\"values\"][\"{LinkedCards.CardsKey}\"], @id)")
                .WithParameter("@id", JsonSerializer.Serialize(patronId, StoreJson.Options)),
            chat => chat.Cards.Any(c => c.PatronId == patronId),
            cancellationToken);

    public Task<IReadOnlyList<PatronChat>> WithPhoneAsync(string digits, CancellationToken cancellationToken) =>
        FindAsync(
            new QueryDefinition("SELECT c.pk, c.state FROM c WHERE c.type = @type AND STARTSWITH(c.pk, @prefix) AND ENDSWITH(c.pk, @suffix)")
                .WithParameter("@prefix", ConversationRef.ChannelPrefix(ChannelId.WhatsApp) + ":").WithParameter("@suffix", ":" + digits),
            chat => chat.Address.Channel == ChannelId.WhatsApp && chat.Address.UserId == digits,
            cancellationToken);

    private async Task<IReadOnlyList<PatronChat>> FindAsync(QueryDefinition query, Func<PatronChat, bool> keep, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var chats = new List<PatronChat>();
        await foreach (var row in container.QueryAsync<ConversationStateRow>(query.WithParameter("@type", ConversationDocument.DocumentType), null, cancellationToken)
            .ConfigureAwait(false))
        {
            if (ConversationIds.TryParseRef(row.Pk, out var address) && PatronChat.From(address, row.State) is var chat && keep(chat))
            {
                chats.Add(chat);
            }
        }

        return chats;
    }
}
