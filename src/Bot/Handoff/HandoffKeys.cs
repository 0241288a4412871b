namespace LibraryBot.Bot.Handoff;

/// <summary>Names of <see cref="Engine.ConversationState.Values"/> entries the handoff reads or writes.</summary>
public static class HandoffKeys
{
    /// <summary>The linked patron's id in the catalogue (read for patron context): "patron.id", else the card-linking dialog's "cards.active".</summary>
    public static readonly IReadOnlyList<string> PatronIdKeys = ["patron.id", "cards.active"];

    /// <summary>"true" while a prompt expects something secret (a PIN): the patron's next message is not recorded.</summary>
    public const string Sensitive = "sensitive";

    /// <summary>A waiting prompt whose id ends like this (e.g. "account.link.pin") also marks the next message sensitive.</summary>
    public const string SensitivePromptSuffix = ".pin";

    /// <summary>An answer to a prompt whose id ends with this (a card number) is recorded with its digits masked.</summary>
    public const string IdentifierPromptSuffix = ".card";

    /// <summary>The satisfaction question was asked after a closed chat; holds the librarian who closed it.</summary>
    public const string SurveyPending = "handoff.survey";

    /// <summary>The patron's profile name on the channel (when it sends one), kept while the patron waits for or talks with a librarian.</summary>
    public const string PatronName = "handoff.name";

    /// <summary>Staff replies kept for the patron's next message (sent by template while the channel's window was closed).</summary>
    public const string AwaitingWindow = "handoff.awaiting";
}
