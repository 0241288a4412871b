using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>The staff console's notices: an admin starts a run, librarians list notices with filters and their counts.</summary>
public sealed class NoticeConsoleTests(StaffServer server) : IClassFixture<StaffServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_ThenList_ShowsThePatronsNoticesFilteredAndCounted()
    {
        var phone = Phones.New(Phones.UnitedStates);
        var patron = new WhatsAppPatron(server.Bot, phone);
        await patron.SayAsync("link card");
        await patron.SayAsync("29000100000011");
        var linked = await patron.SayAsync("1234");
        await patron.TapAsync(WhatsAppPatron.ChoiceId(linked, "Yes"));
        using var admin = await server.SignInAsync(StaffServer.AdminUser, StaffServer.AdminPassword);
        using var librarian = await server.StaffAsync("notice-reader", "librarian");

        var run = await admin.PostAsync("/api/staff/notices/run", null, Ct);
        var all = await librarian.GetFromJsonAsync<JsonObject>("/api/staff/notices?patron=ana", Ct);
        var overdue = await librarian.GetFromJsonAsync<JsonObject>("/api/staff/notices?patron=Ana&kind=overdue", Ct);
        var wrong = await librarian.GetAsync("/api/staff/notices?kind=someday&status=lost", Ct);
        var forbidden = await librarian.PostAsync("/api/staff/notices/run", null, Ct);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("done", (string?)JsonNode.Parse(await run.Content.ReadAsStringAsync(Ct))!["outcome"]);
        Assert.Equal(["HoldReady", "Overdue"], all!["notices"]!.AsArray().Select(n => (string?)n!["kind"]).Order());
        Assert.All(all["notices"]!.AsArray(), n => Assert.Equal(("Ana", "WhatsApp"), ((string?)n!["patron"], (string?)n["channel"])));
        Assert.Equal(2, all["counts"]!.AsArray().Sum(c => (int)c!["count"]!));
        Assert.Equal("Truyện Kiều", (string?)Assert.Single(overdue!["notices"]!.AsArray())!["title"]);
        Assert.Equal(("Overdue", 1), ((string?)Assert.Single(overdue["counts"]!.AsArray())!["kind"], (int)overdue["counts"]![0]!["count"]!));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
