using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.Location;

/// <summary>A location the patron shared (not typed text, not a channel's automatic report) asks for the nearest branch.</summary>
public sealed class LocationRecognizer : IIntentRecognizer
{
    public const string IntentName = "nearest";

    public IntentMatch? Recognize(TurnContext context) =>
        SharedLocation.IsSentByPatron(context.Activity) ? new IntentMatch(IntentName) : null;
}
