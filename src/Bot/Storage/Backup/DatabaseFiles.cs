namespace LibraryBot.Bot.Storage.Backup;

/// <summary>
/// The SQLite files this configuration uses, which a backup copies: the store (<c>Storage:Sqlite:Path</c>: conversations,
/// inbox, outbox, staff accounts and their audit, transcripts) and, with <c>Catalog:Provider=Embedded</c>, the demo
/// library (<c>Catalog:Embedded:Path</c>, whose loans, holds and PIN lockouts change as patrons use it; null otherwise).
/// </summary>
public sealed record DatabaseFiles(string Store, string? DemoLibrary)
{
    /// <summary>The infix of the demo library's backup beside the store's: <c>nightly.db</c> → <c>nightly.demo-library.db</c>.</summary>
    public const string DemoLibraryInfix = ".demo-library";

    /// <summary>Where the demo library's backup goes beside a store backup (and where restore looks for it).</summary>
    public static string DemoLibraryBackupOf(string storeBackup) =>
        Path.Combine(Path.GetDirectoryName(storeBackup) ?? string.Empty,
            Path.GetFileNameWithoutExtension(storeBackup) + DemoLibraryInfix + Path.GetExtension(storeBackup));
}
