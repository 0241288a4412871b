using LibraryBot.Bot.Handoff;

namespace LibraryBot.Contracts.Storage;

/// <summary>
/// What every <see cref="ITranscriptStore"/> guarantees: idempotent appends numbered in order per conversation, the
/// request preview's look-ups, erasure of one conversation (lines and ratings), and the retention sweep.
/// </summary>
public abstract class TranscriptStoreContract : StorageContract
{
    private ITranscriptStore Transcripts => Subject.Console.Transcripts;

    [Fact]
    public async Task AppendAsync_WhenAnEntryKeyRepeats_KeepsTheFirstAndNumbersInOrder()
    {
        var ana = Patron("ana").Key;
        await Transcripts.AppendAsync([Line(ana, "in:1", TranscriptAuthor.Patron, "Hola"), Line(ana, "out:1", TranscriptAuthor.Bot, "¡Hola!")], Ct);
        await Transcripts.AppendAsync([Line(ana, "in:1", TranscriptAuthor.Patron, "Hola otra vez"), Line(ana, "in:2", TranscriptAuthor.Patron, "Renovar")], Ct);

        var lines = await Transcripts.ListAsync(ana, 0, Ct);

        Assert.Equal(["Hola", "¡Hola!", "Renovar"], lines.Select(l => l.Text));
        Assert.True(lines[0].Id < lines[1].Id && lines[1].Id < lines[2].Id);
        Assert.Equal(new TranscriptEntry(ana, "in:2", StorageSubject.Start, TranscriptAuthor.Patron, null, "Renovar", "[…]", lines[2].Id), lines[2]);
        Assert.Equal(["Renovar"], (await Transcripts.ListAsync(ana, lines[1].Id, Ct)).Select(l => l.Text));
        Assert.Empty(await Transcripts.ListAsync(Patron("ben").Key, 0, Ct));
    }

    [Fact]
    public async Task AppendAsync_KeepsEachConversationsLinesApart()
    {
        var ana = Patron("ana").Key;
        var ben = Patron("ben").Key;
        await Transcripts.AppendAsync([Line(ana, "a1", TranscriptAuthor.Patron, "ana 1"), Line(ben, "b1", TranscriptAuthor.Patron, "ben 1"),
            Line(ana, "a2", TranscriptAuthor.Staff, "ana 2", staff: "marta")], Ct);

        Assert.Equal(["ana 1", "ana 2"], (await Transcripts.ListAsync(ana, 0, Ct)).Select(l => l.Text));
        Assert.Equal("marta", (await Transcripts.ListAsync(ana, 0, Ct))[1].Staff);
        Assert.Equal(["ben 1"], (await Transcripts.ListAsync(ben, 0, Ct)).Select(l => l.Text));
    }

    [Fact]
    public async Task FindLastAndPatronLinesBefore_GiveTheRequestAndThePatronLinesLeadingToIt()
    {
        var ana = Patron("ana").Key;
        await Transcripts.AppendAsync([Line(ana, "in:1", TranscriptAuthor.Patron, "one"), Line(ana, "out:1", TranscriptAuthor.Bot, "bot"),
            Line(ana, "in:2", TranscriptAuthor.Patron, "two"), Line(ana, "in:3", TranscriptAuthor.Patron, "three"),
            Line(ana, "request:1", TranscriptAuthor.System, "first request")], Ct);
        await Transcripts.AppendAsync([Line(ana, "in:4", TranscriptAuthor.Patron, "four"), Line(ana, "request:2", TranscriptAuthor.System, "second request"),
            Line(ana, "in:5", TranscriptAuthor.Patron, "after")], Ct);

        var marker = await Transcripts.FindLastAsync(ana, "request:", Ct);
        var firstMarker = (await Transcripts.ListAsync(ana, 0, Ct)).Single(l => l.EntryKey == "request:1");

        Assert.Equal("second request", marker!.Text);
        Assert.Equal(["three", "four"], (await Transcripts.ListPatronLinesBeforeAsync(ana, marker.Id, 2, Ct)).Select(l => l.Text));
        Assert.Equal(["one", "two", "three"], (await Transcripts.ListPatronLinesBeforeAsync(ana, firstMarker.Id, 10, Ct)).Select(l => l.Text));
        Assert.Null(await Transcripts.FindLastAsync(ana, "transfer:", Ct));
        Assert.Null(await Transcripts.FindLastAsync(Patron("ben").Key, "request:", Ct));
    }

    [Fact]
    public async Task DeleteConversationAsync_RemovesItsLinesAndRatingsOnly()
    {
        var ana = Patron("ana").Key;
        var ben = Patron("ben").Key;
        await Transcripts.AppendAsync([Line(ana, "a1", TranscriptAuthor.Patron, "ana"), Line(ben, "b1", TranscriptAuthor.Patron, "ben")], Ct);
        await Transcripts.AddRatingAsync(ana, "marta", 5, "gracias", Clock.GetUtcNow(), Ct);
        await Transcripts.AddRatingAsync(ben, null, 3, null, Clock.GetUtcNow(), Ct);

        await Transcripts.DeleteConversationAsync(ana, Ct);

        Assert.Empty(await Transcripts.ListAsync(ana, 0, Ct));
        Assert.Equal(0, await Subject.Console.StoredRatings(ana));
        Assert.Single(await Transcripts.ListAsync(ben, 0, Ct));
        Assert.Equal(1, await Subject.Console.StoredRatings(ben));

        await Transcripts.AppendAsync([Line(ana, "a2", TranscriptAuthor.Patron, "again")], Ct);
        Assert.Equal(["again"], (await Transcripts.ListAsync(ana, 0, Ct)).Select(l => l.Text));
    }

    [Fact]
    public async Task SweepAsync_DeletesExpiredLinesAndRatingsAndMasksOlderLinesOnce()
    {
        var ana = Patron("ana").Key;
        var ben = Patron("ben").Key;
        var start = Clock.GetUtcNow();
        await Transcripts.AppendAsync([Line(ana, "old", TranscriptAuthor.Patron, "my card is 2912345678", at: start.AddDays(-100))], Ct);
        await Transcripts.AddRatingAsync(ana, "marta", 4, null, start.AddDays(-100), Ct);
        await Transcripts.AppendAsync([Line(ben, "mid", TranscriptAuthor.Patron, "call me on 555", at: start.AddDays(-40)),
            Line(ben, "new", TranscriptAuthor.Patron, "today's text", at: start)], Ct);
        await Transcripts.AddRatingAsync(ben, "li", 5, null, start, Ct);

        var first = await Transcripts.SweepAsync(start.AddDays(-90), start.AddDays(-30), Ct);
        var second = await Transcripts.SweepAsync(start.AddDays(-90), start.AddDays(-30), Ct);

        Assert.Equal((1, 1), first);
        Assert.Equal((0, 0), second);
        Assert.Empty(await Transcripts.ListAsync(ana, 0, Ct));
        Assert.Equal(0, await Subject.Console.StoredRatings(ana));
        Assert.Equal(1, await Subject.Console.StoredRatings(ben));
        Assert.Equal(["[…]", "today's text"], (await Transcripts.ListAsync(ben, 0, Ct)).Select(l => l.Text));
    }

    private TranscriptEntry Line(string key, string entryKey, TranscriptAuthor author, string text, string? staff = null, DateTimeOffset? at = null) =>
        new(key, entryKey, at ?? Clock.GetUtcNow(), author, staff, text, "[…]");
}
