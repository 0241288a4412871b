namespace LibraryBot.Bot.Engine.Dialogs;

/// <summary>
/// The result of a prompt that re-asked up to its limit without a valid answer. A waterfall that receives it ends
/// and passes it up, so the stack unwinds to the root dialog, which offers the menu.
/// </summary>
public sealed record PromptGaveUp(string PromptId)
{
}
