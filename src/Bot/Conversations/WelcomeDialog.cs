using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations;

/// <summary>First contact: a greeting in the patron's language and the short privacy notice with its link.</summary>
public static class WelcomeDialog
{
    public static void Greet(TurnContext context, BotText text)
    {
        var name = string.IsNullOrWhiteSpace(context.Activity.SenderName) ? string.Empty : " " + context.Activity.SenderName.Trim();
        context.SendText(text.Get("Welcome.Greeting", context.Locale, name) + "\n\n" + text.Get("Welcome.Privacy", context.Locale, PrivacyUrl(context)));
        context.State.Greeted = true;
    }

    private static string PrivacyUrl(TurnContext context)
    {
        var configured = context.Services.GetRequiredService<IOptions<BotOptions>>().Value.PrivacyUrl;
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return new Uri(context.Services.GetRequiredService<ISelfBaseAddress>().BaseAddress, "/privacy").ToString();
    }
}
