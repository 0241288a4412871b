using LibraryBot.Bot.Handoff;

namespace LibraryBot.Contracts.Storage;

/// <summary>
/// What every <see cref="IStaffStore"/> guarantees: unique names ignoring case, the last active admin kept (also when two
/// changes race), and the audit log newest first, per conversation or across all.
/// </summary>
public abstract class StaffStoreContract : StorageContract
{
    private IStaffStore Staff => Subject.Console.Staff;

    [Fact]
    public async Task CreateAsync_WhenNameTakenInAnotherCase_RefusesAndKeepsTheFirst()
    {
        Assert.True(await Staff.CreateAsync(Account("Marta", StaffRole.Librarian, "Marta López"), Ct));

        Assert.False(await Staff.CreateAsync(Account("marta", StaffRole.Admin, "Someone else"), Ct));

        var found = await Staff.FindAsync("MARTA", Ct);
        Assert.Equal(new StaffAccount("Marta", "Marta López", StaffRole.Librarian, "hash-Marta", false), found);
        Assert.Null(await Staff.FindAsync("martin", Ct));
        Assert.Equal(["Marta"], (await Staff.ListAsync(Ct)).Select(a => a.Username));
    }

    [Fact]
    public async Task ListAsync_GivesEveryAccountByUsername()
    {
        foreach (var name in new[] { "zoe", "ana", "Minh" })
        {
            await Staff.CreateAsync(Account(name, StaffRole.Librarian), Ct);
        }

        Assert.Equal(["ana", "Minh", "zoe"], (await Staff.ListAsync(Ct)).Select(a => a.Username));
    }

    [Fact]
    public async Task Updates_OfPasswordPresenceAndName_AreStoredAndUnknownNamesAnswerNotFound()
    {
        await Staff.CreateAsync(Account("li", StaffRole.Librarian), Ct);

        Assert.True(await Staff.UpdatePasswordHashAsync("LI", "hash-2", Ct));
        await Staff.SetAvailableAsync("li", true, Ct);
        Assert.Equal(StaffChange.Done, await Staff.SetDisplayNameAsync("li", "Li Wei", Ct));

        Assert.Equal(new StaffAccount("li", "Li Wei", StaffRole.Librarian, "hash-2", true), await Staff.FindAsync("li", Ct));
        Assert.False(await Staff.UpdatePasswordHashAsync("nobody", "x", Ct));
        Assert.Equal(StaffChange.NotFound, await Staff.SetDisplayNameAsync("nobody", "x", Ct));
        Assert.Equal(StaffChange.NotFound, await Staff.SetRoleAsync("nobody", StaffRole.Admin, Ct));
        Assert.Equal(StaffChange.NotFound, await Staff.SetDisabledAsync("nobody", true, Ct));
    }

    [Fact]
    public async Task SetDisabledAsync_SetsAwayAndEnablingKeepsAway()
    {
        await Staff.CreateAsync(Account("li", StaffRole.Librarian) with { Available = true }, Ct);

        Assert.Equal(StaffChange.Done, await Staff.SetDisabledAsync("li", true, Ct));
        Assert.Equal((true, false), Flags(await Staff.FindAsync("li", Ct)));
        Assert.Equal(StaffChange.Done, await Staff.SetDisabledAsync("li", false, Ct));
        Assert.Equal((false, false), Flags(await Staff.FindAsync("li", Ct)));
    }

    [Fact]
    public async Task TheLastActiveAdmin_IsNeitherDisabledNorDemoted_ButAnotherAdminMayBe()
    {
        await Staff.CreateAsync(Account("root", StaffRole.Admin), Ct);
        await Staff.CreateAsync(Account("old", StaffRole.Admin, disabled: true), Ct);

        Assert.Equal(StaffChange.LastActiveAdmin, await Staff.SetDisabledAsync("root", true, Ct));
        Assert.Equal(StaffChange.LastActiveAdmin, await Staff.SetRoleAsync("root", StaffRole.Librarian, Ct));
        Assert.Equal(StaffChange.Done, await Staff.SetRoleAsync("old", StaffRole.Librarian, Ct));
        Assert.Equal(StaffChange.Done, await Staff.SetRoleAsync("old", StaffRole.Admin, Ct));
        Assert.Equal(StaffChange.Done, await Staff.SetDisabledAsync("old", false, Ct));

        Assert.Equal(StaffChange.Done, await Staff.SetRoleAsync("root", StaffRole.Outreach, Ct));
        Assert.Equal(StaffChange.LastActiveAdmin, await Staff.SetDisabledAsync("old", true, Ct));
        Assert.Equal((StaffRole.Outreach, StaffRole.Admin), ((await Staff.FindAsync("root", Ct))!.Role, (await Staff.FindAsync("old", Ct))!.Role));
    }

    [Fact]
    public async Task TwoAdminsDisablingEachOtherAtOnce_ExactlyOneSucceeds()
    {
        await Staff.CreateAsync(Account("ana", StaffRole.Admin), Ct);
        await Staff.CreateAsync(Account("ben", StaffRole.Admin), Ct);
        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(Task.Run(() => Staff.SetDisabledAsync("ana", true, Ct), Ct), Task.Run(() => Staff.SetDisabledAsync("ben", true, Ct), Ct));

            Assert.Equal([StaffChange.Done, StaffChange.LastActiveAdmin], results.Order());
            Assert.Single(await Staff.ListAsync(Ct), a => a.Role == StaffRole.Admin && !a.Disabled);
            await Staff.SetDisabledAsync("ana", false, Ct);
            await Staff.SetDisabledAsync("ben", false, Ct);
        }
    }

    [Fact]
    public async Task ListAuditAsync_GivesTheNewestFirstPerConversationOrAllWithoutTheKey()
    {
        var ana = Patron("34600111222").Key;
        var ben = Patron("34600111333").Key;
        await Staff.AuditAsync("marta", "view", ana, Clock.GetUtcNow(), Ct);
        await Staff.AuditAsync("marta", "claim", ana, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Staff.AuditAsync("li", "view", ben, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Staff.AuditAsync("root", "disable", null, Clock.GetUtcNow(), Ct, target: "li");
        await Staff.AuditAsync("marta", "reply", ana, Clock.GetUtcNow(), Ct);

        var forAna = await Staff.ListAuditAsync(ana, 10, Ct);
        var all = await Staff.ListAuditAsync(null, 10, Ct);
        var latestTwo = await Staff.ListAuditAsync(null, 2, Ct);

        Assert.Equal(["reply", "claim", "view"], forAna.Select(e => e.Action));
        Assert.All(forAna, e => Assert.Equal(forAna[0].ConversationHash, e.ConversationHash));
        Assert.DoesNotContain("34600111222", forAna[0].ConversationHash!, StringComparison.Ordinal);
        Assert.Equal(["reply", "disable", "view", "claim", "view"], all.Select(e => e.Action));
        Assert.Equal(new StaffAuditEntry(StorageSubject.Start.AddMinutes(2), "root", "disable", null, "li"), all[1]);
        Assert.Equal(StorageSubject.Start.AddMinutes(1), all[2].At);
        Assert.Equal(["reply", "disable"], latestTwo.Select(e => e.Action));
    }

    private static StaffAccount Account(string username, string role, string? displayName = null, bool disabled = false) =>
        new(username, displayName ?? username, role, "hash-" + username, false, disabled);

    private static (bool Disabled, bool Available) Flags(StaffAccount? account) => (account!.Disabled, account.Available);
}
