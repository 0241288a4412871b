using LibraryBot.CatalogAdapter;

namespace LibraryBot.CatalogAdapter.Tests.Embedded;

/// <summary>Search behaviour of the demo library: folding, CJK substrings, ranking, ISBN and hostile input.</summary>
public sealed class EmbeddedSearchTests : IAsyncLifetime
{
    private DemoLibrary library = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => library = await DemoLibrary.CreateAsync();

    public ValueTask DisposeAsync() => library.DisposeAsync();

    [Theory]
    [InlineData("pepita jimenez", "Pepita Jiménez")]
    [InlineData("PEPITA JIMÉNEZ", "Pepita Jiménez")]
    [InlineData("truyen kieu", "Truyện Kiều")]
    [InlineData("so do", "Số đỏ")]
    [InlineData("doan tuyet", "Đoạn tuyệt")]
    [InlineData("Đoạn Tuyệt", "Đoạn tuyệt")]
    [InlineData("valle inclan luces bohemia", "Luces de bohemia")]
    [InlineData("garcia lorca yerma", "Yerma")]
    public async Task SearchAsync_WhenDiacriticsOrDiffer_FindsTitle(string terms, string title)
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery(terms, PageSize: 10), Ct);

        Assert.Contains(page.Hits, h => h.Title == title);
    }

    [Fact]
    public async Task SearchAsync_WhenAuthorHasVietnameseD_FindsByFoldedName()
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery("nguyen dinh chieu", SearchField.Author, PageSize: 10), Ct);

        Assert.Contains(page.Hits, h => h.Title == "Lục Vân Tiên");
        Assert.All(page.Hits, h => Assert.Contains("Nguyễn Đình Chiểu", h.Authors));
    }

    [Theory]
    [InlineData("红楼梦", "红楼梦")]
    [InlineData("楼梦", "红楼梦")]
    [InlineData("西游", "西游记")]
    [InlineData("梦", "红楼梦")]
    [InlineData("拍案惊奇", "初刻拍案惊奇")]
    [InlineData("二十年目睹", "二十年目睹之怪现状")]
    [InlineData("阿Q正传", "阿Q正传")]
    [InlineData("鲁迅 呐喊", "呐喊")]
    [InlineData("红楼梦 曹雪芹", "红楼梦")]
    [InlineData("《西游记》", "西游记")]
    public async Task SearchAsync_WhenChineseSubstring_FindsTitle(string terms, string title)
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery(terms, PageSize: 10), Ct);

        Assert.Contains(page.Hits, h => h.Title == title);
    }

    [Theory]
    [InlineData("frankenstien", "frankenstein", "Frankenstein")]
    [InlineData("pride and predjudice", "pride and prejudice", "Pride and Prejudice")]
    [InlineData("Frankenstien Shelly", "frankenstein shelley", "Frankenstein")]
    [InlineData("Đoạn tuyte", "doan tuyet", "Đoạn tuyệt")]
    public async Task SearchAsync_WhenAWordHasATypo_SearchesTheCorrectedWordsAndSaysWhich(string typed, string corrected, string title)
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery(typed, PageSize: 10), Ct);

        Assert.Equal(corrected, page.CorrectedTerms);
        Assert.Contains(page.Hits, h => h.Title == title);
    }

    [Theory]
    [InlineData("frankenstein")]
    [InlineData("qzxvplimbo")]
    [InlineData("xyz")]
    public async Task SearchAsync_WhenWordsAreRightOrNothingIsNear_CorrectsNothing(string typed)
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery(typed, PageSize: 10), Ct);

        Assert.Null(page.CorrectedTerms);
    }

    [Fact]
    public async Task SearchAsync_WhenChineseWordIsNotInCatalogue_FindsNothing()
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery("电脑"), Ct);

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public void CjkGrams_WhenTextMixesScripts_IndexesCharactersAndPairsOfCjkRunsOnly()
    {
        Assert.Equal("红 红楼 楼 楼梦 梦 阿 正 正传 传", LibraryBot.CatalogAdapter.Embedded.SearchText.CjkGrams("红楼梦 and 阿Q正传"));
        Assert.Null(LibraryBot.CatalogAdapter.Embedded.SearchText.CjkGrams("Pride and Prejudice"));
    }

    [Fact]
    public async Task SearchAsync_WhenChineseAuthorOfTwoCharacters_FindsAllHisWorks()
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery("鲁迅", SearchField.Author, PageSize: 20), Ct);

        Assert.Equal(7, page.Total);
        Assert.All(page.Hits, h => Assert.Equal(["鲁迅"], h.Authors));
    }

    [Fact]
    public async Task SearchAsync_WhenTitleWordIsExact_RanksThatTitleFirst()
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery("emma"), Ct);

        Assert.Equal("Emma", page.Hits[0].Title);
    }

    [Fact]
    public async Task SearchAsync_WhenFieldIsAuthor_MatchesOnlyAuthors()
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery("austen", SearchField.Author, PageSize: 20), Ct);

        Assert.Equal(7, page.Total);
        Assert.All(page.Hits, h => Assert.Equal(["Jane Austen"], h.Authors));
    }

    [Fact]
    public async Task SearchAsync_WhenIsbnTypedWithHyphensOrAsIsbn10_FindsRecord()
    {
        var id = library.RecordId("Moby-Dick");
        var isbn = (await library.Catalogue.GetRecordAsync(id, Ct))!.Isbn!;
        var hyphenated = $"{isbn[..3]}-{isbn[3]}-{isbn[4..9]}-{isbn[9..12]}-{isbn[12]}";
        var isbn10 = LibraryBot.CatalogAdapter.Embedded.SearchText.Isbn10(isbn)!;

        var byHyphens = await library.Catalogue.SearchAsync(new SearchQuery(hyphenated), Ct);
        var byIsbn10 = await library.Catalogue.SearchAsync(new SearchQuery(isbn10, SearchField.Isbn), Ct);

        Assert.Equal(id, Assert.Single(byHyphens.Hits).RecordId);
        Assert.Equal(id, Assert.Single(byIsbn10.Hits).RecordId);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("pride\" OR \"x")]
    [InlineData("title:pride")]
    [InlineData("(pride AND) OR NOT ^")]
    [InlineData("{title author}: pride")]
    [InlineData("100%_\\")]
    [InlineData("'; DROP TABLE records; --")]
    [InlineData("红楼%_")]
    public async Task SearchAsync_WhenInputHasFtsSyntax_TreatsItAsWords(string terms)
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery(terms), Ct);

        Assert.True(page.Total >= 0);
        Assert.NotNull(await library.Catalogue.GetRecordAsync(library.RecordId("Pride and Prejudice"), Ct));
    }

    [Fact]
    public async Task SearchAsync_WhenQuotesAndStarSurroundWords_FindsTheWords()
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery("\"pride* and prejudice\""), Ct);

        Assert.Contains(page.Hits, h => h.Title == "Pride and Prejudice");
    }

    [Fact]
    public async Task SearchAsync_WhenInputHasNoWords_ReturnsEmptyPage()
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery(" \"*() "), Ct);

        Assert.Empty(page.Hits);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task SearchAsync_WhenHitFound_SummarisesAvailabilityLikeTheRecord()
    {
        var page = await library.Catalogue.SearchAsync(new SearchQuery("moby dick"), Ct);
        var hit = page.Hits.Single(h => h.Title == "Moby-Dick");

        var record = await library.Catalogue.GetRecordAsync(hit.RecordId, Ct);

        Assert.Equal(record!.Availability, hit.Availability);
        Assert.Equal(0, hit.Availability.Available);
        Assert.Equal(3, hit.Availability.Total);
    }
}
