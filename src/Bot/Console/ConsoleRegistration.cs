using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Middleware;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Storage;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Console;

/// <summary>Human handoff and the librarians' console: registration (<see cref="AddStaffConsole"/>) and endpoints (<see cref="MapStaffConsole"/>).</summary>
public static class ConsoleRegistration
{
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["console.html"] = "text/html; charset=utf-8",
        ["console.js"] = "text/javascript; charset=utf-8",
        ["console.consent.js"] = "text/javascript; charset=utf-8",
        ["console.sms.js"] = "text/javascript; charset=utf-8",
        ["console.notices.js"] = "text/javascript; charset=utf-8",
        ["console.batch.js"] = "text/javascript; charset=utf-8",
        ["console.outreach.js"] = "text/javascript; charset=utf-8",
        ["console.outreach.detail.js"] = "text/javascript; charset=utf-8",
        ["console.css"] = "text/css; charset=utf-8",
    };

    /// <summary>
    /// Registers the handoff (replacing the basic state gate with <see cref="HandoffGate"/>, adding the transcript
    /// middleware after it), staff accounts and sign-in, the staff API, SignalR and OpenAPI. Call after the engine's middleware.
    /// </summary>
    public static IHostApplicationBuilder AddStaffConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<HandoffOptions, HandoffOptionsValidator>(HandoffOptions.SectionName);
        if (builder.Configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}", StorageProvider.Sqlite) == StorageProvider.Cosmos)
        {
            services.TryAddSingleton<ITranscriptStore, CosmosTranscriptStore>();
            services.TryAddSingleton<IStaffStore, CosmosStaffStore>();
            services.TryAddSingleton<IHandoffQueue, CosmosHandoffQueue>();
        }
        else
        {
            services.TryAddSingleton<ITranscriptStore, SqliteTranscriptStore>();
            services.TryAddSingleton<IStaffStore, SqliteStaffStore>();
            services.TryAddSingleton<IHandoffQueue, SqliteHandoffQueue>();
        }

        services.TryAddSingleton<IHandoffNotifier, ConsoleNotifier>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBroadcastNotifier, ConsoleBroadcastNotifier>());
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        services.TryAddSingleton<StaffAccounts>();
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton<LibraryTime>();
        services.TryAddSingleton<RequestPreview>();
        services.TryAddSingleton<SandboxLibrarian>();
        services.TryAddSingleton<TranscriptRecorder>();
        services.TryAddSingleton<HandoffAvailability>();
        services.TryAddSingleton<HandoffService>();
        services.TryAddSingleton<ConversationViews>();
        services.TryAddSingleton<StaffActions>();
        services.TryAddSingleton<TranscriptSweeper>();

        services.RemoveAll<IHandoffGate>();
        services.AddSingleton<IHandoffGate, HandoffGate>();
        services.AddSingleton<ITurnMiddleware, TranscriptMiddleware>();

        services.AddHostedService<AdminSeeder>();
        services.AddHostedService<SandboxLibrarianSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<TranscriptSweeper>());
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 4096);
        services.AddOpenApi();
        StaffAuthentication.Add(services, TimeSpan.FromHours(builder.Configuration.GetValue($"{HandoffOptions.SectionName}:SignInHours", 10)));
        return builder;
    }

    /// <summary>Maps <c>/console</c> (the page), <c>/console/hub</c> (SignalR), <c>/api/staff/*</c> and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapStaffConsole(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<IStaffStore>() is null)
        {
            return endpoints;
        }

        endpoints.MapStaffApi();
        endpoints.MapHub<ConsoleHub>(ConsoleHub.Path);
        endpoints.MapOpenApi();
        endpoints.MapGet("/console", () => Asset("console.html")).ExcludeFromDescription();
        endpoints.MapGet("/console/assets/{name}", (string name) => Assets.ContainsKey(name) ? Asset(name) : Results.NotFound()).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Asset(string name)
    {
        var stream = typeof(ConsoleRegistration).Assembly.GetManifestResourceStream($"LibraryBot.Bot.Console.{name}")
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded.");
        return Results.Stream(stream, Assets[name]);
    }
}
