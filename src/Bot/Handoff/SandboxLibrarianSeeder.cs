using System.Security.Cryptography;
using LibraryBot.Channels.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// With <c>Sandbox:Enabled=true</c> only: creates the demo librarian (<see cref="SandboxLibrarian"/>) with a random
/// password when no account of that name exists. Outside the sandbox it creates nothing.
/// </summary>
public sealed class SandboxLibrarianSeeder(
    StaffAccounts accounts,
    IStaffStore store,
    SandboxLibrarian librarian,
    IOptions<SandboxOptions> sandbox,
    ILogger<SandboxLibrarianSeeder> logger) : IHostedService
{
    // No look-alike characters (0/O, 1/l/I): the password is read off a terminal and typed.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!sandbox.Value.Enabled || await store.FindAsync(SandboxLibrarian.Username, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var password = string.Join('-', Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));
        if (await accounts.CreateAsync(SandboxLibrarian.Username, SandboxLibrarian.DisplayName, StaffRole.Librarian, password, cancellationToken).ConfigureAwait(false))
        {
            librarian.NewPassword = password;
            HandoffLog.DemoLibrarianCreated(logger, StaffLogIds.User(SandboxLibrarian.Username));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
