using LibraryBot.Bot.Hosting;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostPaths.FindContentRoot() });
builder.AddBotCore();
builder.AddLibraryBotChannels();
builder.AddCatalogue();
var app = builder.Build();
app.MapBot();
app.MapChannelWebhooks();

try
{
    app.Run();
}
catch (OptionsValidationException ex)
{
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine($"Configuration error: {failure}");
    }

    Environment.ExitCode = 2;
}

/// <summary>The host's entry type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
