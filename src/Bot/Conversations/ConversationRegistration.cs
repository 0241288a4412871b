using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Conversations.Holds;
using LibraryBot.Bot.Conversations.Hours;
using LibraryBot.Bot.Conversations.Location;
using LibraryBot.Bot.Conversations.News;
using LibraryBot.Bot.Conversations.Notices;
using LibraryBot.Bot.Conversations.Privacy;
using LibraryBot.Bot.Conversations.Search;
using LibraryBot.Bot.Conversations.Sms;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Understanding;
using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LibraryBot.Bot.Conversations;

/// <summary>
/// The library conversations: their middleware (run in the order <c>Hosting/TurnOrder.cs</c> declares), their dialogs
/// (each declares its own prompts), and the intents — what the understanding layer's names start, how each treats a
/// question that is waiting, and the menu.
/// </summary>
public static class ConversationRegistration
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddValidatedOptions<AutoRepliesOptions, AutoRepliesOptionsValidator>(AutoRepliesOptions.SectionName);
        services.TryAddSingleton<BranchScene>();
        services.TryAddSingleton<PatronConsent>();
        services.TryAddSingleton<MarketingConsent>();
        services.TryAddSingleton<NoticeConsent>();
        services.TryAddSingleton<SmsNoticeNumbers>();
        services.TryAddSingleton<NewsTopicConsent>();
        services.TryAddSingleton<NewsSignupLinks>();
        services.AddSingleton<IPhraseSource, AutoReplyPhrases>();
        services.AddSingleton<IPhraseSource, NewsTopicPhrases>();

        services.AddSingleton<ITurnMiddleware, AutomaticLocationMiddleware>();
        services.AddSingleton<ITurnMiddleware, LanguageMiddleware>();
        services.AddSingleton<ITurnMiddleware, WelcomeMiddleware>();
        services.AddSingleton<ITurnMiddleware, ChannelEventsMiddleware>();
        services.AddSingleton<ITurnMiddleware, CatalogueFailureMiddleware>();
        services.AddSingleton<ITurnMiddleware, NoticeOfferMiddleware>();

        AddDialogs(services);
        AddIntents(services);
        return services;
    }

    private static void AddDialogs(IServiceCollection services)
    {
        Type[] dialogs =
        [
            typeof(GreetingDialog), typeof(HelpDialog), typeof(CancelDialog), typeof(SmallTalkDialog), typeof(NotUnderstoodDialog),
            typeof(LanguageSwitchDialog), typeof(LanguageDialog), typeof(MenuDialog), typeof(EscalationDialog),
            typeof(SearchDialog), typeof(RecordDialog), typeof(PlaceHoldDialog), typeof(HoldsDialog),
            typeof(LinkCardDialog), typeof(CardsDialog), typeof(UnlinkDialog), typeof(LoansDialog), typeof(RenewDialog), typeof(FinesDialog),
            typeof(HoursDialog), typeof(ContactDialog), typeof(AutoReplyDialog), typeof(NearestBranchDialog),
            typeof(NewsStopDialog), typeof(NewsStartDialog), typeof(DeleteDataDialog), typeof(NoticesDialog),
            typeof(NewsSignupDialog), typeof(NewsSubscriptionsDialog), typeof(SmsNumberDialog),
        ];
        foreach (var dialog in dialogs)
        {
            services.AddSingleton(typeof(Dialog), dialog);
        }
    }

    private static void AddIntents(IServiceCollection services)
    {
        Intent[] intents =
        [
            new(IntentNames.Search, SearchDialog.Id, "Menu.Search", 100,
                Options: i => new SearchRequest(i.Entities.Terms, Explicit: i.Source == InterpretationSource.Phrase, Author: i.Entities.Author)),
            new(IntentNames.Loans, LoansDialog.Id, "Menu.Loans", 200),
            new(IntentNames.RenewAll, RenewDialog.Id, Options: _ => new RenewRequest(RenewMode.All)),
            new(IntentNames.RenewOne, RenewDialog.Id, Options: i => new RenewRequest(RenewMode.One, i.Entities.Terms, i.Entities.Reference)),
            new(IntentNames.Renew, RenewDialog.Id, Options: _ => new RenewRequest(RenewMode.Ask)),
            new(IntentNames.Holds, HoldsDialog.Id, "Menu.Holds", 300),
            new(IntentNames.Fines, FinesDialog.Id),
            new(IntentNames.Hours, HoursDialog.Id, "Menu.Hours", 400, IntentRole.Aside, i => new HoursRequest(i.Entities.Day)),
            new(IntentNames.Contact, ContactDialog.Id, "Menu.Contact", 500, IntentRole.Aside),
            new(IntentNames.Cards, CardsDialog.Id, "Menu.Cards", 600),
            new(IntentNames.LinkCard, LinkCardDialog.Id, Options: i => new LinkRequest(false, i.Entities.CardNumber)),
            new(IntentNames.UnlinkCard, UnlinkDialog.Id),
            new("choose-language", LanguageDialog.Id, "Menu.Language", 800),
            new(IntentNames.Librarian, EscalationDialog.Id, "Menu.Librarian", 900, IntentRole.Aside, _ => new EscalationRequest(EscalationReason.PatronAsked)),
            new(IntentNames.Greeting, GreetingDialog.Id),
            new(IntentNames.Help, HelpDialog.Id, Role: IntentRole.Aside),
            new(IntentNames.Menu, MenuDialog.Id),
            new(IntentNames.Cancel, CancelDialog.Id),
            new(IntentNames.Language, LanguageSwitchDialog.Id, Role: IntentRole.Aside, Options: i => new LanguageChoice(i.Entities.Locale)),
            new(IntentNames.SmallTalk, SmallTalkDialog.Id, Role: IntentRole.Aside),
            new(IntentNames.Affirm, SmallTalkDialog.Id, Role: IntentRole.Aside),
            new(IntentNames.Deny, SmallTalkDialog.Id, Role: IntentRole.Aside),
            new(IntentNames.AutoReply, AutoReplyDialog.Id, Role: IntentRole.Aside, Options: i => new AutoReplyRequest(i.Entities.Rule ?? string.Empty)),
            new(IntentNames.Nearest, NearestBranchDialog.Id, Role: IntentRole.Aside),
            new(IntentNames.NewsStop, NewsStopDialog.Id, WhileAsked: IntentNames.Cancel),
            new(IntentNames.NewsStart, NewsStartDialog.Id),
            new(IntentNames.NewsSignup, NewsSignupDialog.Id, Options: i => new NewsSignupRequest(i.Value)),
            new(IntentNames.NewsSubscriptions, NewsSubscriptionsDialog.Id),
            new(IntentNames.DeleteData, DeleteDataDialog.Id, Role: IntentRole.Aside),
            new(IntentNames.NoticesOn, NoticesDialog.Id, Options: _ => new NoticesRequest(NoticesChange.On)),
            new(IntentNames.NoticesOff, NoticesDialog.Id, Options: _ => new NoticesRequest(NoticesChange.Off)),
            new(IntentNames.SmsRegister, SmsNumberDialog.Id, Options: i => new SmsNumberRequest(SmsNumberChange.Register, i.Entities.PhoneNumber)),
            new(IntentNames.SmsOnly, SmsNumberDialog.Id, Options: _ => new SmsNumberRequest(SmsNumberChange.SmsOnly)),
            new(IntentNames.SmsStop, SmsNumberDialog.Id, Options: _ => new SmsNumberRequest(SmsNumberChange.Stop)),
            new(NoticeComposer.RenewChoiceId, RenewDialog.Id, Options: _ => new RenewRequest(RenewMode.Noticed)),
            new(DialogEngine.NotUnderstoodIntent, NotUnderstoodDialog.Id),
        ];
        foreach (var intent in intents)
        {
            services.AddSingleton(intent);
        }
    }
}
