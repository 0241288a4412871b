using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Handoff;

/// <summary>At start, creates the first admin from <c>Handoff:Admin:Username/Password</c> when that account does not exist yet.</summary>
public sealed class AdminSeeder(StaffAccounts accounts, IOptions<HandoffOptions> options, ILogger<AdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.Admin;
        if (string.IsNullOrEmpty(admin.Username) || string.IsNullOrEmpty(admin.Password))
        {
            return;
        }

        if (await accounts.CreateAsync(admin.Username, admin.Username, StaffRole.Admin, admin.Password, cancellationToken).ConfigureAwait(false))
        {
            HandoffLog.AdminCreated(logger, admin.Username);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
