using System.Net;
using System.Text;
using LibraryBot.CatalogAdapter.Tests.Koha;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.CatalogAdapter.Tests.Sru;

/// <summary>MARCXML mapping from recorded SRU answers: Koha's 952 holdings, standard 852, non-Latin titles, string packing, hostile XML.</summary>
public sealed class SruMarcTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchAsync_WhenKohaRecordsHave952_MapsChineseRecordAndHoldings()
    {
        using var services = Serve("koha-952-holdings.xml", out _, new Dictionary<string, string?>
        {
            ["Catalog:Sru:IdField"] = "999c",
            ["Catalog:Sru:BranchNames:CPL"] = "Centerville",
        });

        var page = await services.GetRequiredService<ICatalogueSearch>().SearchAsync(new SearchQuery("红楼梦"), Ct);

        Assert.Equal(2, page.Total);
        var hit = page.Hits[0];
        Assert.Equal("42", hit.RecordId);
        Assert.Equal("红楼梦: 脂砚斋重评石头记", hit.Title);
        Assert.Equal(["曹雪芹", "高鹗"], hit.Authors);
        Assert.Equal(1982, hit.Year);
        Assert.Equal("chi", hit.Language);
        Assert.Equal(new AvailabilitySummary(1, 3), hit.Availability);
    }

    [Fact]
    public async Task GetRecordAsync_When952Holdings_MapsBranchStatusDueDateAndCallNumber()
    {
        using var services = Serve("koha-952-holdings.xml", out _, new Dictionary<string, string?>
        {
            ["Catalog:Sru:IdField"] = "999c",
            ["Catalog:Sru:BranchNames:CPL"] = "Centerville",
        });

        var record = await services.GetRequiredService<ICatalogueSearch>().GetRecordAsync("42", Ct);

        Assert.NotNull(record);
        Assert.Equal("9787020002207", record.Isbn);
        Assert.Equal("人民文学出版社", record.Publisher);
        Assert.Equal(
            [
                new Holding("CPL", "Centerville", "39999000001", ItemStatus.Available, null, "PL2727 .S2 1982"),
                new Holding("MPL", "MPL", "39999000002", ItemStatus.OnLoan, new DateOnly(2026, 12, 1), "PL2727 .S2 1982 c.2"),
                new Holding("MPL", "MPL", "39999000003", ItemStatus.NotForLoan, null, "REF PL2727 .S2"),
            ],
            record.Holdings);
    }

    [Fact]
    public async Task GetRecordAsync_When852Holdings_MapsVietnameseRecord()
    {
        using var services = Serve("koha-952-holdings.xml", out _, new Dictionary<string, string?> { ["Catalog:Sru:IdField"] = "999c" });

        var record = await services.GetRequiredService<ICatalogueSearch>().GetRecordAsync("77", Ct);

        Assert.NotNull(record);
        Assert.Equal("Truyện Kiều", record.Title);
        Assert.Equal(["Nguyễn Du"], record.Authors);
        Assert.Equal(2010, record.Year);
        Assert.Equal("vie", record.Language);
        Assert.Equal("Nhà xuất bản Văn học", record.Publisher);
        Assert.Equal(new Holding("RIV", "RIV", "39999000077", ItemStatus.Unknown, null, "895.922 N576"), Assert.Single(record.Holdings));
    }

    [Fact]
    public async Task GetRecordAsync_WhenIdIsNotReturned_ReturnsNull()
    {
        using var services = Serve("koha-952-holdings.xml", out _, new Dictionary<string, string?> { ["Catalog:Sru:IdField"] = "999c" });

        Assert.Null(await services.GetRequiredService<ICatalogueSearch>().GetRecordAsync("999999", Ct));
    }

    [Fact]
    public async Task SearchAsync_WhenSru20StringPacking_ParsesEscapedRecord()
    {
        using var services = Serve("sru20-string-packing.xml", out var stub, version: "2.0");

        var hit = Assert.Single((await services.GetRequiredService<ICatalogueSearch>().SearchAsync(new SearchQuery("pepita jimenez"), Ct)).Hits);

        Assert.Equal(("A-9", "Pepita Jiménez", "Valera, Juan", 1874, "spa", "Audiobook"),
            (hit.RecordId, hit.Title, hit.Authors[0], hit.Year, hit.Language, hit.Format));
        var query = stub.Requests.Single().Request.RequestUri!.Query;
        Assert.Contains("queryType=cql", query, StringComparison.Ordinal);
        Assert.DoesNotContain("version=", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_WhenAnswerHasDtd_RefusesAsProtocolError()
    {
        using var services = Serve("xxe-attack.xml", out _);

        var error = await Assert.ThrowsAsync<CatalogueException>(() =>
            services.GetRequiredService<ICatalogueSearch>().SearchAsync(new SearchQuery("x"), Ct));

        Assert.Equal(CatalogueErrorKind.Protocol, error.Kind);
        Assert.IsType<System.Xml.XmlException>(error.InnerException);
    }

    [Fact]
    public async Task SearchAsync_WhenServerSendsDiagnostic_ThrowsProtocolWithDiagnostic()
    {
        using var services = Serve("diagnostic-unsupported-index.xml", out _);

        var error = await Assert.ThrowsAsync<CatalogueException>(() =>
            services.GetRequiredService<ICatalogueSearch>().SearchAsync(new SearchQuery("tolstoy", SearchField.Author), Ct));

        Assert.Equal(CatalogueErrorKind.Protocol, error.Kind);
        Assert.Contains("info:srw/diagnostic/1/16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_WhenServerFails_ThrowsUnavailable()
    {
        var stub = new StubHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var services = SruTestHost.Create("http://sru.test/biblios", primaryHandler: () => stub);

        var error = await Assert.ThrowsAsync<CatalogueException>(() =>
            services.GetRequiredService<ICatalogueSearch>().SearchAsync(new SearchQuery("x"), Ct));

        Assert.Equal(CatalogueErrorKind.Unavailable, error.Kind);
    }

    private static ServiceProvider Serve(string payload, out StubHttpHandler stub, IDictionary<string, string?>? settings = null, string version = "1.2")
    {
        var xml = File.ReadAllText(TestPaths.Payload("Sru", payload));
        var handler = new StubHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(xml, Encoding.UTF8, "text/xml"),
        });
        stub = handler;
        return SruTestHost.Create("http://sru.test/biblios", version, () => handler, settings);
    }
}
