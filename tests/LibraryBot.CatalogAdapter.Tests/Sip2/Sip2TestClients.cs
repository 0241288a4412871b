using LibraryBot.CatalogAdapter.Sip2;
using LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

/// <summary>Builds a real <see cref="Sip2Client"/> pointed at an emulator, with options matching its dialect.</summary>
internal static class Sip2TestClients
{
    public static Sip2Options OptionsFor(Sip2Emulator emulator, Action<Sip2Options>? configure = null)
    {
        var options = new Sip2Options
        {
            Host = "127.0.0.1",
            Port = emulator.Port,
            User = emulator.Dialect.User,
            Password = emulator.Dialect.Password,
            InstitutionId = "EMU",
            Location = "BOT",
            Encoding = emulator.Dialect.Encoding,
            ErrorDetection = emulator.Dialect.ErrorDetection,
            Terminator = Sip2Terminator.CR,
            RenewalsLeftField = emulator.Dialect.RenewalsLeftField,
            ConnectTimeoutMs = 2000,
            ReadTimeoutMs = 2000,
            PoolSize = 2,
        };
        configure?.Invoke(options);
        return options;
    }

    public static Sip2Client Create(Sip2Options options, TimeProvider? time = null, int pageSize = 50) =>
        new(new Sip2ConnectionPool(Options.Create(options), NullLogger<Sip2ConnectionPool>.Instance), Options.Create(options), time ?? TimeProvider.System)
        {
            PageSize = pageSize,
        };
}
