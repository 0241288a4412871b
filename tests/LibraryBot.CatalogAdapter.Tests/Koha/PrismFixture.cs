namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>
/// Prism serving Koha's own OpenAPI spec (<c>../shared/specs/koha/bundled-patched.yaml</c>) as a validating
/// mock: a request that does not conform to Koha's spec gets 400. Prism serves at the root (it ignores basePath).
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private PeerProcess? _prism;

    /// <summary>Why the tests cannot run here (the shared specs are absent), or null.</summary>
    public string? SkipReason { get; private set; }

    public Uri BaseUrl => new($"http://127.0.0.1:{_prism?.Port}");

    public async ValueTask InitializeAsync()
    {
        if (TestPaths.SharedDir is not { } shared)
        {
            SkipReason = "../shared (Koha's OpenAPI spec) is absent: Prism contract tests skipped.";
            return;
        }

        var spec = Path.Combine(shared, "specs", "koha", "bundled-patched.yaml");
        var prism = Path.Combine(TestPaths.RepoRoot, "tests", "crosscheck", "koha", "node_modules", ".bin", "prism");
        if (!File.Exists(prism))
        {
            throw new InvalidOperationException($"Prism is not installed ({prism} missing): run `npm ci` in tests/crosscheck/koha.");
        }

        var port = TestPaths.FreeTcpPort();
        _prism = await PeerProcess.StartAsync("node", [prism, "mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), spec],
            port, TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }
    }
}
