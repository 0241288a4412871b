using LibraryBot.Bot.Console;
using LibraryBot.Bot.Hosting;
using LibraryBot.Bot.Storage.Backup;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels;

// "create-staff …", "backup …" and "restore …" run one command against the configured store instead of the server
// (their arguments are not settings).
var command = CreateStaffCommand.IsInvoked(args) || BackupCommand.IsInvoked(args) || RestoreCommand.IsInvoked(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command ? [] : args, ContentRootPath = HostPaths.FindContentRoot() });
ListenAddresses.UseDefaultUnlessConfigured(builder);
builder.AddBotCore();
builder.AddLibraryBotChannels();
builder.AddCatalogue();
var app = builder.Build();
if (!StartupChecks.SettingsAreValid(app.Services, Console.Error))
{
    return 2;
}

if (command)
{
    await using (app)
    {
        return args[0] switch
        {
            BackupCommand.Name => BackupCommand.Run(app.Services, args[1..], Console.Out, Console.Error),
            RestoreCommand.Name => RestoreCommand.Run(app.Services, args[1..], Console.Out, Console.Error),
            _ => await CreateStaffCommand.RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error),
        };
    }
}

app.UseLibraryBot();
app.Run();
return 0;

/// <summary>The host's entry type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
