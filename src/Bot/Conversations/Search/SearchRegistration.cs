using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Search;

/// <summary>Catalogue search and records. Register last: its recogniser also takes messages nothing else understood.</summary>
public static class SearchRegistration
{
    public static IServiceCollection AddSearchConversation(this IServiceCollection services)
    {
        services.AddSingleton<Dialog, SearchDialog>();
        services.AddSingleton<Dialog>(new TextPrompt(SearchDialog.TermsPromptId));
        services.AddSingleton<Dialog>(new ChoicePrompt(SearchDialog.ResultPromptId));
        services.AddSingleton<Dialog, RecordDialog>();
        services.AddSingleton(new Intent(SearchRecognizer.IntentName, SearchDialog.Id, "Menu.Search", MenuOrder: 100));
        services.AddSingleton(new Common.Shortcut("Shortcut.Search", SearchRecognizer.IntentName, new SearchRequest(null)));
        services.AddSingleton<IIntentRecognizer, SearchRecognizer>();
        return services;
    }
}
