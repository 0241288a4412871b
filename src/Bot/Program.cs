using LibraryBot.Bot.Hosting;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostPaths.FindContentRoot() });
builder.AddBotCore();
builder.AddLibraryBotChannels();
builder.AddCatalogue();
var app = builder.Build();
if (!StartupChecks.SettingsAreValid(app.Services, Console.Error))
{
    return 2;
}

app.MapBot();
app.MapChannelWebhooks();
app.Run();
return 0;

/// <summary>The host's entry type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
