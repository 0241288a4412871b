using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Location;

/// <summary>A location the patron shared (not typed text) asks for the nearest branch.</summary>
public sealed class LocationRecognizer : IIntentRecognizer
{
    public const string IntentName = "nearest";

    public IntentMatch? Recognize(TurnContext context) =>
        context.Activity is { Type: ActivityType.Location, Location: not null } ? new IntentMatch(IntentName) : null;
}
