using System.Text.Json.Nodes;

namespace LibraryBot.Bot.Engine.Dialogs;

/// <summary>One entry of the dialog stack: which dialog, and its persisted state.</summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public JsonObject State { get; set; } = [];

    /// <summary>Started by a global interruption (e.g. "librarian"): when it ends, the dialog below is re-asked, not resumed.</summary>
    public bool Interruption { get; init; }
}
