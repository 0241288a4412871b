using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Engine;

/// <summary>
/// Something a patron can ask for: its name (as the understanding layer names it, and as channel menu buttons send it),
/// the dialog that serves it, its place in the menu, how it treats a question that is waiting
/// (<see cref="IntentRole"/>), and how its dialog's options are made from what the message said.
/// <see cref="WhileAsked"/> names another intent to use instead while a question is waiting (a STOP word there means
/// "cancel", not "stop all messages").
/// </summary>
public sealed record Intent(
    string Name,
    string DialogId,
    string? MenuTitleKey = null,
    int MenuOrder = 100,
    IntentRole Role = IntentRole.Task,
    Func<Interpretation, object?>? Options = null,
    string? WhileAsked = null);
