using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>First contact: a greeting in the patron's language and the short privacy notice with its link, before anything else is answered.</summary>
public sealed class WelcomeMiddleware(IOptions<BotOptions> options, ISelfBaseAddress self) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var fromPatron = activity.Type is ActivityType.Message or ActivityType.ChoiceReply or ActivityType.Location or ActivityType.Media
            || activity.Event?.Kind is ChannelEventKind.Follow;
        if (fromPatron && !context.State.Greeted)
        {
            Greet(context);
        }

        return next(context, cancellationToken);
    }

    private void Greet(TurnContext context)
    {
        var name = string.IsNullOrWhiteSpace(context.Activity.SenderName) ? string.Empty : " " + context.Activity.SenderName.Trim();
        var privacyUrl = string.IsNullOrEmpty(options.Value.PrivacyUrl) ? new Uri(self.BaseAddress, "/privacy").ToString() : options.Value.PrivacyUrl;
        context.SendText(context.Localize("Welcome.Greeting", name) + "\n\n" + context.Localize("Welcome.Privacy", privacyUrl));
        context.State.Greeted = true;
    }
}
