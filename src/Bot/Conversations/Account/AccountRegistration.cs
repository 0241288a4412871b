using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>Card linking (several cards per chat, switch, unlink), loans and renewals, with their shortcuts.</summary>
public static class AccountRegistration
{
    public static IServiceCollection AddAccountConversation(this IServiceCollection services)
    {
        services.AddSingleton<Dialog, LinkCardDialog>();
        services.AddSingleton<Dialog>(sp => LinkCardDialog.CardPrompt(sp.GetRequiredService<BotText>()));
        services.AddSingleton<Dialog>(new TextPrompt(LinkCardDialog.PinPromptId));
        services.AddSingleton<Dialog, CardsDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(CardsDialog.PromptId));
        services.AddSingleton<Dialog, UnlinkDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(UnlinkDialog.WhichPromptId));
        services.AddSingleton<Dialog>(new ConfirmPrompt(UnlinkDialog.ConfirmPromptId));
        services.AddSingleton<Dialog, LoansDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(LoansDialog.ActionPromptId));
        services.AddSingleton<Dialog, RenewDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(RenewDialog.ModePromptId));
        services.AddSingleton<Dialog>(new ChoicePrompt(RenewDialog.LoanPromptId));

        services.AddSingleton(new Intent("loans", LoansDialog.Id, "Menu.Loans", MenuOrder: 200));
        services.AddSingleton(new Intent("renew", RenewDialog.Id));
        services.AddSingleton(new Intent("cards", CardsDialog.Id, "Menu.Cards", MenuOrder: 600));
        services.AddSingleton(new Intent("link", LinkCardDialog.Id));
        services.AddSingleton(new Intent("unlink", UnlinkDialog.Id));

        services.AddSingleton(new Shortcut("Shortcut.RenewAll", "renew", new RenewRequest(RenewMode.All)));
        services.AddSingleton(new Shortcut("Shortcut.RenewList", "renew", new RenewRequest(RenewMode.One)));
        services.AddSingleton(new Shortcut("Shortcut.Renew", "renew", new RenewRequest(RenewMode.Ask)));
        services.AddSingleton(new Shortcut("Shortcut.Loans", "loans"));
        services.AddSingleton(new Shortcut("Shortcut.Cards", "cards"));
        services.AddSingleton(new Shortcut("Shortcut.Link", "link", new LinkRequest(false)));
        services.AddSingleton(new Shortcut("Shortcut.Unlink", "unlink"));
        return services;
    }
}
