using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// What every conversation shares: language detection, shortcuts from anywhere, the catalogue-failure apology, and
/// greetings. Register first: the shortcut recogniser must come before the others.
/// </summary>
public static class CommonRegistration
{
    public static IServiceCollection AddConversationCommon(this IServiceCollection services)
    {
        services.AddSingleton<ITurnMiddleware, LocaleDetectionMiddleware>();
        services.AddSingleton<ITurnMiddleware, PromptTranslationMiddleware>();
        services.AddSingleton<ShortcutRecognizer>();
        services.AddSingleton<ITurnMiddleware, ShortcutMiddleware>();
        services.AddSingleton<ITurnMiddleware, CatalogueFailureMiddleware>();
        services.AddSingleton<IIntentRecognizer>(sp => sp.GetRequiredService<ShortcutRecognizer>());
        services.AddSingleton<Dialog, GreetingDialog>();
        services.AddSingleton(new Intent("greeting", GreetingDialog.Id));
        services.AddSingleton(new Shortcut("Words.Greeting", "greeting"));
        return services;
    }
}
