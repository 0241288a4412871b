using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Holds;

/// <summary>Placing holds (from a record), listing and cancelling them.</summary>
public static class HoldsRegistration
{
    public static IServiceCollection AddHoldsConversation(this IServiceCollection services)
    {
        services.AddSingleton<Dialog, PlaceHoldDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(PlaceHoldDialog.PickupPromptId));
        services.AddSingleton<Dialog, HoldsDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(HoldsDialog.CancelPromptId));
        services.AddSingleton<Dialog>(new ConfirmPrompt(HoldsDialog.ConfirmPromptId));
        services.AddSingleton(new Intent("holds", HoldsDialog.Id, "Menu.Holds", MenuOrder: 300));
        services.AddSingleton(new Shortcut("Shortcut.Holds", "holds"));
        return services;
    }
}
