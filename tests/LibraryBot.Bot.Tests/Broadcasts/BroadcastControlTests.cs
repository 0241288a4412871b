using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Conversations;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>
/// Outreach staff controlling broadcasts through the staff API of the real server: pause, resume, cancel, a send time,
/// what each role may do, the problems a bad request is told about, and the recipients' CSV (masked numbers only).
/// </summary>
public sealed class BroadcastControlTests : OutreachServerTest
{
    private const string Text = "Reading club meets Thursday at 18:00.";

    [Fact]
    public async Task Pause_StopsHandingOver_AndResume_FinishesWithEveryoneOnce()
    {
        var patrons = await SignUpAsync(10);
        var id = await SendAsync(ratePerSecond: 2);
        await Server.Bot.WaitUntilAsync(() => Task.FromResult(Server.OutboxRows(id) >= 2), "the first messages in the outbox");

        Assert.Equal("paused", (string?)(await BroadcastServer.PostAsync(Outreach, id, "pause"))["status"]);
        // The tick in flight when the pause came may still hand over what it took; after that, nothing new.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        var afterPause = HandedOver(id);
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        Assert.Equal(afterPause, HandedOver(id));
        Assert.True(afterPause < patrons.Count, $"All {afterPause} were handed over before the pause took effect.");
        await Server.Bot.WaitUntilAsync(() => Task.FromResult(Server.OutboxRows(id) == afterPause), "the turns handed over before the pause in the outbox");
        var paused = JsonNode.Parse(await Outreach.GetStringAsync($"/api/staff/broadcasts/{id}", TestContext.Current.CancellationToken))!;
        Assert.Equal("paused", (string?)paused["status"]);
        Assert.Equal(patrons.Count - afterPause, (int)paused["funnel"]!["pending"]!);

        Assert.Equal("sending", (string?)(await BroadcastServer.PostAsync(Outreach, id, "resume"))["status"]);
        await Server.WaitForStatusAsync(Outreach, id, "finished");
        await EachGotItOnceAsync(id, patrons);

        foreach (var action in new[] { "send", "pause", "resume" })
        {
            await RefusedAsync(id, action, "finished");
        }
    }

    [Fact]
    public async Task Cancel_WhileSending_SkipsTheRest_AndNobodyGetsItTwice()
    {
        var patrons = await SignUpAsync(10);
        var id = await SendAsync(ratePerSecond: 2);
        await Server.Bot.WaitUntilAsync(() => Task.FromResult(Server.OutboxRows(id) >= 2), "the first messages in the outbox");

        Assert.Equal("cancelled", (string?)(await BroadcastServer.PostAsync(Outreach, id, "cancel"))["status"]);
        // Chats handed over before the cancel run their turn (and skip it); nothing is left pending or handed over.
        await Server.Bot.WaitUntilAsync(
            () => Task.FromResult(Server.Bot.Scalar($"SELECT COUNT(*) FROM broadcast_recipients WHERE broadcast_id = '{id}' AND status IN ('Pending', 'HandedOver')") == 0),
            "every recipient queued or skipped");
        await Server.Bot.WaitUntilAsync(
            () => Task.FromResult(Server.OutboxRows(id) == Server.Bot.Scalar($"SELECT COUNT(*) FROM broadcast_recipients WHERE broadcast_id = '{id}' AND status = 'Queued'")),
            "the queued turns in the outbox");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var view = JsonNode.Parse(await Outreach.GetStringAsync($"/api/staff/broadcasts/{id}", TestContext.Current.CancellationToken))!;
        Assert.Equal("cancelled", (string?)view["status"]);

        var recipients = await BroadcastServer.RecipientsAsync(Outreach, id);
        Assert.Equal(patrons.Count, recipients.Count);
        var skipped = recipients.Where(r => (string?)r!["status"] == "skipped").ToList();
        var queued = recipients.Where(r => (string?)r!["status"] == "queued").ToList();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, r => Assert.StartsWith("broadcast cancelled", (string?)r!["reason"], StringComparison.Ordinal));
        Assert.Equal(patrons.Count, skipped.Count + queued.Count);
        Assert.Equal(queued.Count, (int)Server.OutboxRows(id));
        Assert.Equal(skipped.Count, (int)view["funnel"]!["skipped"]!);
        Assert.Equal(0, (int)view["funnel"]!["pending"]!);
        foreach (var patron in patrons)
        {
            Assert.InRange(Server.OutboxRows(id, patron), 0, 1);
            Assert.InRange(await Server.AtTheFakeAsync(patron, Text), 0, 1);
        }

        foreach (var action in new[] { "send", "pause", "resume", "cancel" })
        {
            await RefusedAsync(id, action, "cancelled");
        }
    }

    [Fact]
    public async Task Roles_LibrariansRead_OutreachWrites_StrangersAreTurnedAway()
    {
        var id = await SendAsync(ratePerSecond: 20);
        using var librarian = await Server.StaffAsync("lena", "librarian");
        using (var list = await librarian.GetAsync("/api/staff/broadcasts", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains(id, await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var one = await librarian.GetAsync($"/api/staff/broadcasts/{id}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        }

        using (var write = await librarian.PostAsJsonAsync("/api/staff/broadcasts", Valid(), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }

        using (var cancel = await librarian.PostAsync($"/api/staff/broadcasts/{id}/cancel", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        }

        // Recipients (even masked) are for outreach staff.
        foreach (var path in new[] { $"/api/staff/broadcasts/{id}/recipients", $"/api/staff/broadcasts/{id}/recipients.csv" })
        {
            using var forbidden = await librarian.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var recipients = await Outreach.GetAsync($"/api/staff/broadcasts/{id}/recipients", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, recipients.StatusCode);
        }

        using (var stranger = await Server.Bot.Http.GetAsync("/api/staff/broadcasts", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        }

        using (var strangerWrites = await Server.Bot.Http.PostAsJsonAsync("/api/staff/broadcasts", Valid(), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, strangerWrites.StatusCode);
        }
    }

    [Theory]
    [InlineData("unknown topic", "audience.topics")]
    [InlineData("no content", "content")]
    [InlineData("bad language", "content")]
    [InlineData("unknown branch", "audience.branches")]
    [InlineData("bad image", "imageUrl")]
    [InlineData("past sendAt", "sendAt")]
    [InlineData("unknown template", "whatsAppTemplate.name")]
    [InlineData("wrong parameters", "whatsAppTemplate.parameters")]
    public async Task Create_BadRequest_Is400NamingTheField(string problem, string field)
    {
        var body = Valid();
        switch (problem)
        {
            case "unknown topic":
                body["audience"]!["topics"] = new JsonArray("events", "knitting");
                break;
            case "no content":
                body["content"] = new JsonObject();
                break;
            case "bad language":
                body["content"]!["fr"] = "Club de lecture jeudi.";
                break;
            case "unknown branch":
                body["audience"]!["branches"] = new JsonArray("atlantis");
                break;
            case "bad image":
                body["imageUrl"] = "ftp://images.example/story.png";
                break;
            case "past sendAt":
                body["sendAt"] = DateTimeOffset.UtcNow.AddHours(-2).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "unknown template":
                body["whatsAppTemplate"] = new JsonObject { ["name"] = "library_gossip", ["parameters"] = new JsonArray("Story time") };
                break;
            case "wrong parameters":
                body["whatsAppTemplate"] = new JsonObject { ["name"] = "library_news", ["parameters"] = new JsonArray("Story time", "Saturday") };
                break;
        }

        using var response = await Outreach.PostAsync("/api/staff/broadcasts",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{problem}: {(int)response.StatusCode} {text}");
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"{problem}: expected {field} in {errors.ToJsonString()}");
        Assert.Single(errors);
        Assert.NotEmpty((string)errors[field]![0]!);
    }

    [Fact]
    public async Task Create_MalformedJson_Is400()
    {
        using var response = await Outreach.PostAsync("/api/staff/broadcasts",
            new StringContent("{\"name\": \"Story time\", \"audience\": {\"topics\": [\"events\"]", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.NotNull(JsonNode.Parse(text)!["errors"]);
        Assert.Equal(0, Server.Bot.Scalar("SELECT COUNT(*) FROM broadcasts"));
    }

    [Fact]
    public async Task Scheduled_WaitsForItsTime_ThenSends()
    {
        var patrons = await SignUpAsync(1);
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var body = Valid();
        body["sendAt"] = sendAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var (id, _) = await BroadcastServer.CreateAsync(Outreach, body);

        Assert.Equal("scheduled", (string?)(await BroadcastServer.PostAsync(Outreach, id, "send"))["status"]);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        var early = JsonNode.Parse(await Outreach.GetStringAsync($"/api/staff/broadcasts/{id}", TestContext.Current.CancellationToken))!;
        var rowsEarly = Server.OutboxRows(id);
        var readAt = DateTimeOffset.UtcNow;
        Assert.True(readAt < sendAt, $"The machine is too slow for this test: read at {readAt:O}, after the send time {sendAt:O}.");
        Assert.Equal("scheduled", (string?)early["status"]);
        Assert.Equal(0, rowsEarly);

        (await Server.ReceiveAsync(patrons[0], id)).Contains(Text);
        var view = await Server.WaitForStatusAsync(Outreach, id, "finished");
        Assert.True(DateTimeOffset.Parse((string)view["startedAt"]!, System.Globalization.CultureInfo.InvariantCulture) >= sendAt.AddMilliseconds(-1),
            $"Started at {view["startedAt"]}, before its time {sendAt:O}.");
    }

    [Fact]
    public async Task RecipientsCsv_HasAHeaderAndALinePerRecipient_WithMaskedNumbersOnly()
    {
        var patrons = await SignUpAsync(3);
        var other = new WhatsAppPatron(Server.Bot, Phones.New(Phones.Spain));
        await BroadcastServer.SignUpAsync(other, "noticias", "new-books");
        var id = await SendAsync(ratePerSecond: 20);
        await Server.WaitForStatusAsync(Outreach, id, "finished");

        var csv = await Outreach.GetStringAsync($"/api/staff/broadcasts/{id}/recipients.csv", TestContext.Current.CancellationToken);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("chat,channel,language,status,reason,delivery,error_code", lines[0]);
        Assert.Equal(patrons.Count + 1, lines.Length - 1);
        Assert.Equal(patrons.Count, lines.Count(l => l.Contains(",queued,", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains(",excluded,", StringComparison.Ordinal) && l.Contains("no consent for this topic", StringComparison.Ordinal));
        foreach (var patron in patrons.Append(other))
        {
            Assert.DoesNotContain(patron.Id, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(patron.Id[^7..], csv, StringComparison.Ordinal);
            Assert.Single(lines, l => l.Contains("•", StringComparison.Ordinal) && l.Contains(patron.Id[^4..], StringComparison.Ordinal));
        }
    }

    private async Task<List<WhatsAppPatron>> SignUpAsync(int count)
    {
        var patrons = new List<WhatsAppPatron>();
        for (var i = 0; i < count; i++)
        {
            var patron = new WhatsAppPatron(Server.Bot, Phones.New(Phones.UnitedStates));
            await BroadcastServer.SignUpAsync(patron, "news", "events", "reading-clubs");
            patrons.Add(patron);
        }

        return patrons;
    }

    private async Task<string> SendAsync(int ratePerSecond)
    {
        var body = Valid();
        body["ratePerSecond"] = ratePerSecond;
        var (id, _) = await BroadcastServer.CreateAsync(Outreach, body);
        Assert.Equal("scheduled", (string?)(await BroadcastServer.PostAsync(Outreach, id, "send"))["status"]);
        return id;
    }

    private static JsonObject Valid() => new()
    {
        ["name"] = "Reading club",
        ["audience"] = new JsonObject { ["topics"] = new JsonArray("reading-clubs") },
        ["content"] = new JsonObject { ["en"] = Text },
    };

    private async Task EachGotItOnceAsync(string id, IEnumerable<WhatsAppPatron> patrons)
    {
        foreach (var patron in patrons)
        {
            await Server.Bot.WaitUntilAsync(() => Task.FromResult(Server.OutboxRows(id, patron, status: 1) == 1), "the patron's broadcast sent");
            Assert.Equal(1, Server.OutboxRows(id, patron));
            await Server.Bot.WaitUntilAsync(async () => await Server.AtTheFakeAsync(patron, Text) >= 1, "the broadcast at the fake");
            Assert.Equal(1, await Server.AtTheFakeAsync(patron, Text));
        }
    }

    /// <summary>Recipients the dispatcher has handed to their chats (no longer pending).</summary>
    private long HandedOver(string id) =>
        Server.Bot.Scalar($"SELECT COUNT(*) FROM broadcast_recipients WHERE broadcast_id = '{id}' AND status <> 'Pending'");

    private async Task RefusedAsync(string id, string action, string status)
    {
        var problem = await BroadcastServer.PostAsync(Outreach, id, action, HttpStatusCode.Conflict);
        Assert.Contains($"This broadcast is {status}: it cannot {action} now.", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
