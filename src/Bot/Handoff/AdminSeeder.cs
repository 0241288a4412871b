using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// At start, creates the first admin from <c>Handoff:Admin:Username/DisplayName/Password</c> when that account does not
/// exist yet. Patrons see the display name (default "Library staff"), never the username; an admin created before display
/// names were set here (shown to patrons as its username) gets the display name too.
/// </summary>
public sealed class AdminSeeder(StaffAccounts accounts, IStaffStore store, IOptions<HandoffOptions> options, ILogger<AdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.Admin;
        if (string.IsNullOrEmpty(admin.Username) || string.IsNullOrEmpty(admin.Password))
        {
            return;
        }

        var displayName = string.IsNullOrWhiteSpace(admin.DisplayName) ? AdminOptions.DefaultDisplayName : admin.DisplayName.Trim();
        if (await accounts.CreateAsync(admin.Username, displayName, StaffRole.Admin, admin.Password, cancellationToken).ConfigureAwait(false))
        {
            HandoffLog.AdminCreated(logger, StaffLogIds.User(admin.Username));
        }
        else if (await store.FindAsync(admin.Username, cancellationToken).ConfigureAwait(false) is { } existing && existing.DisplayName == existing.Username)
        {
            await store.SetDisplayNameAsync(existing.Username, displayName, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
