using LibraryBot.CatalogAdapter;
using LibraryBot.CatalogAdapter.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.CatalogAdapter.Tests.Embedded;

/// <summary>What the seeded demo library holds: works per language, copies in every state, branches and hours.</summary>
public sealed class DemoLibrarySeedTests : IAsyncLifetime
{
    private DemoLibrary library = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => library = await DemoLibrary.CreateAsync();

    public ValueTask DisposeAsync() => library.DisposeAsync();

    [Fact]
    public void Seed_WhenCreated_HasAtLeast500WorksAndSixtyPerLanguage()
    {
        Assert.True(int.Parse(library.Scalar("SELECT count(*) FROM records"), System.Globalization.CultureInfo.InvariantCulture) >= 500);
        foreach (var language in new[] { "es", "zh", "vi" })
        {
            var count = int.Parse(library.Scalar("SELECT count(*) FROM records WHERE language = @l", ("@l", language)), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(count >= 60, $"{language}: {count} works");
        }
    }

    [Fact]
    public void Seed_WhenCreated_HasCopiesInEveryStateAtEveryBranch()
    {
        foreach (var branch in DemoBranches.All)
        {
            foreach (var status in new[] { "available", "on_loan", "in_transit", "hold_shelf", "not_for_loan" })
            {
                var count = library.Scalar("SELECT count(*) FROM items WHERE branch_id = @b AND status = @s", ("@b", branch), ("@s", status));
                Assert.NotEqual("0", count);
            }
        }

        Assert.Equal("0", library.Scalar(
            "SELECT count(*) FROM items i WHERE status = 'on_loan' AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.item_id = i.item_id)"));
        Assert.Equal("0", library.Scalar(
            "SELECT count(*) FROM items i WHERE status = 'hold_shelf' AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.item_id = i.item_id AND h.status = 'ready')"));
    }

    [Fact]
    public async Task GetBranchesAsync_WhenSeeded_HasDocumentedHoursAndHolidays()
    {
        var branches = (await library.Catalogue.GetBranchesAsync(Ct)).ToDictionary(b => b.BranchId);

        Assert.Equal(3, branches.Count);
        Assert.Equal(new TimeOnly(20, 0), branches["central"].Weekly.Single(h => h.Day == DayOfWeek.Wednesday).Closes);
        Assert.DoesNotContain(branches["riverside"].Weekly, h => h.Day == DayOfWeek.Sunday);
        Assert.All(branches.Values, b =>
        {
            Assert.Equal("America/Los_Angeles", b.TimeZone);
            Assert.NotNull(b.Latitude);
            Assert.False(string.IsNullOrEmpty(b.Address));
            var christmas = Assert.Single(b.Exceptions, e => e.Date == new DateOnly(2026, 12, 25));
            Assert.Null(christmas.Opens);
            Assert.Contains(b.Exceptions, e => e.Date == new DateOnly(2027, 1, 1));
        });
    }

    [Fact]
    public async Task GetRecordAsync_WhenCopiesAreOut_ReportsCallNumbersAndDueDates()
    {
        var record = await library.Catalogue.GetRecordAsync(library.RecordId("Moby-Dick"), Ct);

        Assert.NotNull(record);
        Assert.Equal(["Herman Melville"], record.Authors);
        Assert.Equal(1851, record.Year);
        Assert.Equal("en", record.Language);
        Assert.All(record.Holdings, h =>
        {
            Assert.Equal(ItemStatus.OnLoan, h.Status);
            Assert.NotNull(h.DueDate);
            Assert.Equal("FIC MELVILLE 1851", h.CallNumber);
        });
    }

    [Fact]
    public async Task EnsureCreatedAsync_WhenFileHasOtherSchemaVersion_ThrowsProtocol()
    {
        var path = Path.Combine(Path.GetTempPath(), $"librarybot-version-{Guid.NewGuid():N}.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            await command.ExecuteNonQueryAsync(Ct);
        }

        try
        {
            var catalogue = new EmbeddedCatalogue(path, new EmbeddedCatalogueOptions(), new FakeTimeProvider(), NullLogger<EmbeddedCatalogue>.Instance);
            var error = await Assert.ThrowsAsync<CatalogueException>(() => catalogue.EnsureCreatedAsync(Ct));
            Assert.Equal(CatalogueErrorKind.Protocol, error.Kind);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void SeedWorkParse_WhenLineHasWrongFieldCount_NamesTheLine()
    {
        var error = Assert.Throws<FormatException>(() => SeedWork.Parse(new StringReader("en\tTitle\tAuthor\t1900\tFiction\nen\tBroken\n")));

        Assert.Contains("line 2", error.Message);
    }
}
