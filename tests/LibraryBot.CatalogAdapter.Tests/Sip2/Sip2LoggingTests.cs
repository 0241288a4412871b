using LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

public sealed class Sip2LoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_WhenRefusalsAreLogged_NeverContainCardNumbersPinsOrBarcodes()
    {
        using var capture = new CapturingLoggerProvider();
        using var logs = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        await using var library = await Sip2DemoLibrary.CreateAsync(Sip2EmulatorDialect.Koha, logs: logs);
        var scenario = await library.ScenarioAsync();

        await library.Catalogue.AuthenticateAsync(scenario.CardNumber, scenario.WrongPin, Ct);
        await library.Catalogue.AuthenticateAsync(scenario.BlockedCardNumber, scenario.BlockedPin, Ct);
        var patronId = (await library.Catalogue.AuthenticateAsync(scenario.CardNumber, scenario.Pin, Ct)).PatronId!;
        await library.Catalogue.RenewAllAsync(patronId, Ct);
        await library.Catalogue.PlaceHoldAsync(patronId, scenario.AlreadyHeldRecordId, scenario.PickupBranchId, Ct);

        Assert.Contains(capture.Lines, l => l.StartsWith("3110 ", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.StartsWith("3112 ", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.StartsWith("3113 ", StringComparison.Ordinal));
        // PINs never reach a logger call at all; the four-digit demo PINs are too short to search for reliably (ports, counts).
        string[] secrets = [scenario.CardNumber, scenario.BlockedCardNumber, scenario.LoanAtRenewalLimitId, scenario.LoanOnHoldForOtherId];
        Assert.All(capture.Lines, line => Assert.All(secrets, secret => Assert.DoesNotContain(secret, line, StringComparison.Ordinal)));
    }
}
