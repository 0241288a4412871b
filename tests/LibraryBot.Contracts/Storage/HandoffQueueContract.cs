using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;

namespace LibraryBot.Contracts.Storage;

/// <summary>
/// What every <see cref="IHandoffQueue"/> guarantees: the conversations waiting for or owned by a librarian, read from
/// their stored state, oldest request first; and of two librarians claiming one conversation from the same version,
/// exactly one owns it.
/// </summary>
public abstract class HandoffQueueContract : StorageContract
{
    private IHandoffQueue Queue => Subject.Console.Queue;

    [Fact]
    public async Task ListAsync_GivesWaitingAndOwnedConversationsOldestRequestFirst()
    {
        await CommitAsync("ana", null, [], state: Waiting(StorageSubject.Start.AddMinutes(5), "es"));
        await CommitAsync("ben", null, [], state: State());
        await CommitAsync("chi", null, [], state: Waiting(StorageSubject.Start.AddMinutes(1), "vi"));
        var owned = State();
        owned.HandoffOwner = "marta";
        owned.Values[HandoffKeys.PatronName] = "Dana";
        await CommitAsync("dana", null, [], state: owned);

        var queue = await Queue.ListAsync(Ct);

        Assert.Equal([Patron("chi").Key, Patron("ana").Key, Patron("dana").Key], queue.Select(q => q.ConversationKey));
        Assert.Equal((EscalationReason.PatronAsked, "vi", (string?)null, Patron("chi")), (queue[0].Reason, queue[0].Locale, queue[0].Owner, queue[0].Conversation));
        Assert.Equal(("marta", "Dana", (DateTimeOffset?)null), (queue[2].Owner, queue[2].PatronName, queue[2].RequestedAt));
    }

    [Fact]
    public async Task TwoLibrariansClaimingFromOneVersion_ExactlyOneOwnsTheConversation()
    {
        var etag = await CommitAsync("ana", null, [], state: Waiting(StorageSubject.Start, "en"));

        var claims = await Task.WhenAll(new[] { "marta", "li" }.Select(who => Task.Run(async () =>
        {
            var state = Waiting(StorageSubject.Start, "en");
            state.HandoffOwner = who;
            try
            {
                await CommitAsync("ana", etag, [$"{who} joined"], state: state);
                return who;
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }, Ct)));

        var winner = Assert.Single(claims, c => c is not null);
        Assert.Equal(winner, Assert.Single(await Queue.ListAsync(Ct)).Owner);
        Assert.Equal([$"{winner} joined"], (await Outbox.ListAsync(Patron("ana").Key, Ct)).Select(Text));
    }

    private static ConversationState Waiting(DateTimeOffset requestedAt, string locale)
    {
        var state = State(locale);
        state.Escalation = new EscalationState(EscalationReason.PatronAsked, locale, requestedAt);
        return state;
    }
}
