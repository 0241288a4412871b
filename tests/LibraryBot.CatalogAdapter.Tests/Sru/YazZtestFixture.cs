using System.Globalization;
using LibraryBot.CatalogAdapter.Tests.Koha;

namespace LibraryBot.CatalogAdapter.Tests.Sru;

/// <summary>Debian's yaz-ztest, a real SRU server answering searchRetrieve with synthetic MARCXML, on 127.0.0.1.</summary>
public sealed class YazZtestFixture : IAsyncLifetime
{
    private PeerProcess? _ztest;
    private string? _logDir;

    public string BaseUrl => $"http://127.0.0.1:{_ztest?.Port}/Default";

    public async ValueTask InitializeAsync()
    {
        var ztest = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
            .Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "yaz-ztest"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("yaz-ztest is not installed: run `apt-get install -y yaz` (the test script does).");
        _logDir = Directory.CreateTempSubdirectory("ztest").FullName;
        var port = TestPaths.FreeTcpPort();
        _ztest = await PeerProcess.StartAsync(ztest, ["-l", Path.Combine(_logDir, "ztest.log"), $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"],
            port, TimeSpan.FromSeconds(20), _logDir);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ztest is not null)
        {
            await _ztest.DisposeAsync();
        }

        if (_logDir is not null)
        {
            Directory.Delete(_logDir, recursive: true);
        }
    }
}
