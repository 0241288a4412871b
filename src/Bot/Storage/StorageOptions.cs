using FluentValidation;

namespace LibraryBot.Bot.Storage;

public enum StorageProvider
{
    Sqlite,
    Cosmos,
}

/// <summary><c>Storage:*</c>: where conversations, the inbox and the outbox live.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public CosmosStorageOptions Cosmos { get; set; } = new();
}

public sealed class SqliteStorageOptions
{
    /// <summary>The database file; relative paths are resolved against the content root.</summary>
    public string Path { get; set; } = "data/librarybot.db";
}

public sealed class CosmosStorageOptions
{
    public string? Endpoint { get; set; }

    public string? Key { get; set; }

    public string Database { get; set; } = "librarybot";

    /// <summary>Accept the endpoint's certificate without validation (local test server or emulator only: loopback endpoints).</summary>
    public bool AcceptAnyServerCertificate { get; set; }
}

public sealed class StorageOptionsValidator : AbstractValidator<StorageOptions>
{
    public StorageOptionsValidator()
    {
        RuleFor(o => o.Provider).IsInEnum().WithMessage("must be Sqlite or Cosmos");
        RuleFor(o => o.Sqlite.Path).NotEmpty().WithMessage("must name a database file")
            .When(o => o.Provider == StorageProvider.Sqlite);
        RuleFor(o => o.Cosmos.Endpoint)
            .Must(e => Uri.TryCreate(e, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps)
            .WithMessage("must be the account's https:// endpoint")
            .When(o => o.Provider == StorageProvider.Cosmos);
        RuleFor(o => o.Cosmos.Key).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("must be set (the account key)")
            .Must(BeBase64).WithMessage("must be the account key (base64)")
            .When(o => o.Provider == StorageProvider.Cosmos);
        RuleFor(o => o.Cosmos.AcceptAnyServerCertificate)
            .Must((o, accept) => !accept || (Uri.TryCreate(o.Cosmos.Endpoint, UriKind.Absolute, out var u) && u.IsLoopback))
            .WithMessage("may only be true for a local (loopback) endpoint such as the emulator or the test server")
            .When(o => o.Provider == StorageProvider.Cosmos);
        RuleFor(o => o.Cosmos.Database).NotEmpty().WithMessage("must name a database")
            .When(o => o.Provider == StorageProvider.Cosmos);
    }

    private static bool BeBase64(string? key) =>
        !string.IsNullOrEmpty(key) && Convert.TryFromBase64String(key, new byte[key.Length], out _);
}
