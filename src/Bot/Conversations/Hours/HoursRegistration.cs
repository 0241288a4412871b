using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>Opening hours, addresses and phones from the catalogue; the library's auto-replies (<c>AutoReplies</c> section).</summary>
public static class HoursRegistration
{
    public static IServiceCollection AddHoursConversation(this IServiceCollection services)
    {
        services.AddValidatedOptions<AutoRepliesOptions, AutoRepliesOptionsValidator>(AutoRepliesOptions.SectionName);
        services.AddSingleton<Dialog, HoursDialog>();
        services.AddSingleton<Dialog, ContactDialog>();
        services.AddSingleton<Dialog, AutoReplyDialog>();
        services.AddSingleton(new Intent("hours", HoursDialog.Id, "Menu.Hours", MenuOrder: 400));
        services.AddSingleton(new Intent("contact", ContactDialog.Id, "Menu.Contact", MenuOrder: 500));
        services.AddSingleton(new Intent(AutoReplyRecognizer.IntentName, AutoReplyDialog.Id));
        services.AddSingleton(new Shortcut("Shortcut.Hours", "hours", Anywhere: true));
        services.AddSingleton(new Shortcut("Shortcut.Contact", "contact", Anywhere: true));
        services.AddSingleton<IIntentRecognizer, AutoReplyRecognizer>();
        services.AddSingleton<IIntentRecognizer, PhraseShortcutRecognizer>();
        return services;
    }
}
