using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Location;

/// <summary>Shared locations → nearest branch with today's hours; locations the channel reports on its own are ignored.</summary>
public static class LocationRegistration
{
    public static IServiceCollection AddLocationConversation(this IServiceCollection services)
    {
        services.AddSingleton<ITurnMiddleware, AutomaticLocationMiddleware>();
        services.AddSingleton<Dialog, NearestBranchDialog>();
        services.AddSingleton(new Intent(LocationRecognizer.IntentName, NearestBranchDialog.Id));
        services.AddSingleton<IIntentRecognizer, LocationRecognizer>();
        return services;
    }
}
