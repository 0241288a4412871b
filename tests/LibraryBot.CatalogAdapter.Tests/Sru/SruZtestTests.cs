using LibraryBot.CatalogAdapter.Sru;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.CatalogAdapter.Tests.Sru;

/// <summary>
/// SruCatalogueSearch against yaz-ztest. ztest answers any CQL with synthetic Library of Congress MARC records
/// (first: 001 "11224466", 245 "How to program a computer", 100 "Jack Collins", 008 dated 1991, language eng);
/// its hit count is derived from the query (3 for <c>dc.title all "computer"</c>).
/// </summary>
public sealed class SruZtestTests(YazZtestFixture ztest) : IClassFixture<YazZtestFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("1.2")]
    [InlineData("2.0")]
    public async Task SearchAsync_WhenTitleSearched_MapsZtestMarcRecords(string version)
    {
        using var services = SruTestHost.Create(ztest.BaseUrl, version);
        var search = services.GetRequiredService<ICatalogueSearch>();

        var page = await search.SearchAsync(new SearchQuery("computer", SearchField.Title, 1, 2), Ct);

        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.Hits.Count);
        Assert.True(page.HasMore);
        var first = page.Hits[0];
        Assert.Equal("11224466", first.RecordId);
        Assert.Equal("How to program a computer", first.Title);
        Assert.Equal(["Jack Collins"], first.Authors);
        Assert.Equal(1991, first.Year);
        Assert.Equal("eng", first.Language);
        Assert.Equal("Book", first.Format);
        Assert.Equal("11224467", page.Hits[1].RecordId);
    }

    [Fact]
    public async Task SearchAsync_WhenSecondPageRequested_ReturnsNextRecords()
    {
        using var services = SruTestHost.Create(ztest.BaseUrl);
        var search = services.GetRequiredService<ICatalogueSearch>();

        var first = await search.SearchAsync(new SearchQuery("computer", SearchField.Title, 1, 2), Ct);
        var second = await search.SearchAsync(new SearchQuery("computer", SearchField.Title, 2, 2), Ct);

        Assert.Equal(first.Total, second.Total);
        var hit = Assert.Single(second.Hits);
        Assert.DoesNotContain(hit.RecordId, first.Hits.Select(h => h.RecordId));
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task SearchAsync_WhenPageIsPastTheEnd_ReturnsEmptyPageWithServerTotal()
    {
        using var services = SruTestHost.Create(ztest.BaseUrl);
        var search = services.GetRequiredService<ICatalogueSearch>();

        var page = await search.SearchAsync(new SearchQuery("computer", SearchField.Title, 10, 5), Ct);

        Assert.Empty(page.Hits);
        Assert.Equal(3, page.Total);
        Assert.False(page.HasMore);
    }

    [Theory]
    [InlineData("war \"and\" peace")]
    [InlineData("back\\slash \\\" end\\")]
    [InlineData("a or b) and (dc.title = x")]
    [InlineData("* ? ^ prox/unit=word")]
    [InlineData("红楼梦")]
    [InlineData("Truyện Kiều")]
    public async Task SearchAsync_WhenWordsContainCqlSyntax_ServerAnswersWithoutDiagnostic(string words)
    {
        using var services = SruTestHost.Create(ztest.BaseUrl);
        var search = services.GetRequiredService<ICatalogueSearch>();

        var page = await search.SearchAsync(new SearchQuery(words, SearchField.Any, 1, 1), Ct);

        Assert.True(page.Total >= page.Hits.Count);
    }

    [Fact]
    public async Task GetRecordAsync_WhenIdExists_ReturnsThatRecord()
    {
        using var services = SruTestHost.Create(ztest.BaseUrl);
        var search = services.GetRequiredService<SruCatalogueSearch>();

        var record = await search.GetRecordAsync("11224466", Ct);

        Assert.NotNull(record);
        Assert.Equal("How to program a computer", record.Title);
        Assert.Empty(record.Holdings);
    }
}
