using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using LibraryBot.CatalogAdapter.Sip2;
using LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

/// <summary>The client against the emulator over real sockets: resends, error detection, timeouts, the pool.</summary>
public sealed class Sip2ClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Answers every 17 with a known item whose title carries a pipe.</summary>
    private static Task<Sip2Message> ItemHandler(Sip2Message request, CancellationToken cancellationToken) =>
        Task.FromResult(Sip2Message.Create(
            "18",
            "030001" + Sip2Date.Format(DateTime.Now),
            ("AB", request.Get("AB")),
            ("AJ", "Cats | dogs"),
            ("AQ", "CENTRAL")));

    [Fact]
    public async Task ItemAsync_WhenKohaDialect_ReadsCrLfAndUnescapesPipe()
    {
        await using var emulator = new Sip2Emulator(Sip2EmulatorDialect.Koha, ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator));

        var item = await client.ItemAsync("31234", Ct);

        Assert.Equal("Cats | dogs", item.Title);
        Assert.Equal("31234", item.ItemId);
        Assert.Equal(Sip2ItemInformation.Available, item.CirculationStatus);
    }

    [Fact]
    public async Task ItemAsync_WhenFolioDialectAndErrorDetectionOff_SendsNoTrailerAndReplacesPipe()
    {
        await using var emulator = new Sip2Emulator(Sip2EmulatorDialect.Folio, ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator));

        var item = await client.ItemAsync("31234", Ct);

        Assert.Equal("Cats   dogs", item.Title);
        Assert.All(emulator.ReceivedFrames, f => Assert.DoesNotContain("AZ", Encoding.Latin1.GetString(f)[^6..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ItemAsync_WhenServerHasErrorDetectionOffButClientOn_FailsWithProtocolError()
    {
        await using var emulator = new Sip2Emulator(Sip2EmulatorDialect.Folio, ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator, o => o.ErrorDetection = true));

        var error = await Assert.ThrowsAsync<CatalogueException>(() => client.ItemAsync("31234", Ct));

        Assert.Equal(CatalogueErrorKind.Protocol, error.Kind);
    }

    [Fact]
    public async Task ItemAsync_WhenResponseChecksumIsBad_AsksForResendWith97()
    {
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect { CorruptChecksums = 2 }, ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator));

        var item = await client.ItemAsync("31234", Ct);

        Assert.Equal("31234", item.ItemId);
        Assert.Contains(emulator.Received, m => m.Code == "97");
    }

    [Fact]
    public async Task ItemAsync_WhenServerAsksResend96_SendsTheRequestAgain()
    {
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect { AskResends = 2 }, ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator));

        var item = await client.ItemAsync("31234", Ct);

        Assert.Equal("31234", item.ItemId);
        Assert.Equal(3, emulator.Received.Count(m => m.Code == "93")); // the login, asked for twice more
        Assert.Single(emulator.Received, m => m.Code == "17");
    }

    [Fact]
    public async Task ItemAsync_WhenServerNeverAnswers_ThrowsTimeoutWithinReadTimeout()
    {
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect { Silent = true }, ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator, o => o.ReadTimeoutMs = 300));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CatalogueException>(() => client.ItemAsync("31234", Ct));

        Assert.Equal(CatalogueErrorKind.Timeout, error.Kind);
        Assert.InRange(clock.ElapsedMilliseconds, 250, 3000);
    }

    [Fact]
    public async Task ItemAsync_WhenNothingListens_ThrowsUnavailable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = Sip2TestClients.Create(new Sip2Options { Host = "127.0.0.1", Port = port, User = "u", Password = "p", ReadTimeoutMs = 500, ConnectTimeoutMs = 500 });

        var error = await Assert.ThrowsAsync<CatalogueException>(() => client.ItemAsync("31234", Ct));

        Assert.Equal(CatalogueErrorKind.Unavailable, error.Kind);
    }

    [Fact]
    public async Task ItemAsync_WhenLoginIsWrong_ThrowsUnauthorized()
    {
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect(), ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator, o => o.Password = "wrong"));

        var error = await Assert.ThrowsAsync<CatalogueException>(() => client.ItemAsync("31234", Ct));

        Assert.Equal(CatalogueErrorKind.Unauthorized, error.Kind);
    }

    [Fact]
    public async Task ItemAsync_WhenServerDroppedPooledConnection_ReconnectsAndAnswers()
    {
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect(), ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator, o => o.PoolSize = 1));
        await client.ItemAsync("1", Ct);

        emulator.DropConnections();
        var item = await client.ItemAsync("2", Ct);

        Assert.Equal("2", item.ItemId);
        Assert.Equal(2, emulator.ConnectionsAccepted);
        Assert.Equal(2, emulator.Received.Count(m => m.Code == "93"));
    }

    [Fact]
    public async Task ItemAsync_WhenManyCallsInParallel_UsesAtMostPoolSizeConnections()
    {
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect(), ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator, o => o.PoolSize = 2));

        var items = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.ItemAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), items.Select(i => i.ItemId));
        Assert.InRange(emulator.ConnectionsAccepted, 1, 2);
    }

    [Fact]
    public async Task ItemAsync_WhenErrorDetectionOn_SendsCyclingSequenceNumbers()
    {
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect(), ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator, o => o.PoolSize = 1));

        for (var i = 0; i < 11; i++)
        {
            await client.ItemAsync("x", Ct);
        }

        var sequences = emulator.ReceivedFrames.Select(f => Encoding.ASCII.GetString(f)).Select(t => t[t.LastIndexOf("AY", StringComparison.Ordinal) + 2]).ToList();
        Assert.Equal("012345678901", string.Concat(sequences));
    }

    [Fact]
    public async Task ItemAsync_WhenTlsCertificateIsUntrusted_FailsUnavailableWithoutSendingCleartext()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        using var certificate = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect { TlsCertificate = certificate }, ItemHandler);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator, o => (o.UseTls, o.ConnectTimeoutMs) = (true, 15000)));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CatalogueException>(() => client.ItemAsync("31234", Ct));

        Assert.True(error.Kind == CatalogueErrorKind.Unavailable, $"{error.Kind} after {clock.ElapsedMilliseconds} ms: {error.InnerException}");
        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException);
        Assert.Empty(emulator.ReceivedFrames);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(2, 2)]
    public async Task PatronListAsync_WhenServerIgnoresPaging_StopsWithoutDuplicates(int sentPerAnswer, int expected)
    {
        string[] all = ["b1", "b2", "b3", "b4", "b5"];
        Task<Sip2Message> IgnoringPaging(Sip2Message request, CancellationToken cancellationToken) => Task.FromResult(Sip2Message.Create(
            "64",
            new string(' ', 14) + "000" + Sip2Date.Format(DateTime.Now) + "0000" + "0000" + "0005" + "0000" + "0000" + "0000",
            [("AO", "EMU"), ("AA", "p"), ("AE", "Ana"), ("BL", "Y"), .. all.Take(sentPerAnswer).Select(b => ("AU", (string?)b))]));
        await using var emulator = new Sip2Emulator(new Sip2EmulatorDialect(), IgnoringPaging);
        var client = Sip2TestClients.Create(Sip2TestClients.OptionsFor(emulator), pageSize: 2);

        var (_, entries) = await client.PatronListAsync("p", Sip2Requests.ChargedItems, Ct);

        Assert.Equal(all.Take(expected), entries);
        Assert.InRange(emulator.Received.Count(m => m.Code == "63"), 1, 2);
    }
}
