using LibraryBot.CatalogAdapter.Sru;

namespace LibraryBot.CatalogAdapter.Tests.Sru;

public sealed class CqlQueryTests
{
    private static readonly SruOptions Options = new();

    [Theory]
    [InlineData("war and peace", "\"war and peace\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\temp", "\"C:\\\\temp\"")]
    [InlineData("wild* card? ^anchor", "\"wild\\* card\\? \\^anchor\"")]
    [InlineData("\"", "\"\\\"\"")]
    [InlineData("\\", "\"\\\\\"")]
    public void Quote_WhenTextHasCqlCharacters_EscapesThem(string text, string expected)
    {
        Assert.Equal(expected, CqlQuery.Quote(text));
    }

    [Theory]
    [InlineData(SearchField.Any, "tolstoy", "cql.serverChoice all \"tolstoy\"")]
    [InlineData(SearchField.Title, "war and peace", "dc.title all \"war and peace\"")]
    [InlineData(SearchField.Author, "  Lev \t Tolstoy \n", "dc.creator all \"Lev Tolstoy\"")]
    [InlineData(SearchField.Subject, "history) or (dc.title=x", "dc.subject all \"history) or (dc.title=x\"")]
    [InlineData(SearchField.Isbn, "978-0-14-303943-3", "bath.isbn = \"9780143039433\"")]
    [InlineData(SearchField.Title, "红楼梦", "dc.title all \"红楼梦\"")]
    public void Build_WhenPatronTypesWords_MakesOneQuotedTermPerField(SearchField field, string words, string expected)
    {
        Assert.Equal(expected, CqlQuery.Build(field, words, Options));
    }

    [Fact]
    public void Build_WhenIndexMapAndRelationConfigured_UsesThem()
    {
        var options = new SruOptions { WordRelation = "=" };
        options.IndexMap["title"] = "title";

        Assert.Equal("title = \"hobbit\"", CqlQuery.Build(SearchField.Title, "hobbit", options));
    }

    [Theory]
    [InlineData(SearchField.Any, "   ")]
    [InlineData(SearchField.Isbn, "not an isbn")]
    public void Build_WhenNothingToSearch_ReturnsNull(SearchField field, string words)
    {
        Assert.Null(CqlQuery.Build(field, words, Options));
    }

    [Fact]
    public void Build_WhenWordsAreVeryLong_CapsTheTerm()
    {
        var cql = CqlQuery.Build(SearchField.Any, new string('a', 5000), Options)!;

        Assert.Equal(CqlQuery.MaxTermLength + 2, cql.Length - "cql.serverChoice all ".Length);
    }

    [Fact]
    public void BuildUrl_WhenVersion12_SendsVersionPagingAndSchema()
    {
        var options = new SruOptions { BaseUrl = "http://host:2100/Default" };

        var url = SruCatalogueSearch.BuildUrl(options, "dc.title all \"a&b\"", 11, 5);

        Assert.Equal(
            "http://host:2100/Default?version=1.2&operation=searchRetrieve&query=dc.title%20all%20%22a%26b%22&startRecord=11&maximumRecords=5&recordSchema=marcxml&recordPacking=xml",
            url.AbsoluteUri);
    }
}
