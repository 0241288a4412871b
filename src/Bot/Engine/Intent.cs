namespace LibraryBot.Bot.Engine;

/// <summary>
/// Something a patron can ask for, reachable from the menu, a channel menu button (by <see cref="Name"/>) or words
/// recognised by an <see cref="IIntentRecognizer"/>. Starting it begins <see cref="DialogId"/>.
/// </summary>
public sealed record Intent(string Name, string DialogId, string? MenuTitleKey = null, int MenuOrder = 100);

/// <summary>The intent a message asks for, with options for its dialog.</summary>
public sealed record IntentMatch(string IntentName, object? Options = null);

/// <summary>Recognises intents in a patron's free text (commands, shortcuts, keywords) when no dialog is waiting.</summary>
public interface IIntentRecognizer
{
    IntentMatch? Recognize(TurnContext context);
}
