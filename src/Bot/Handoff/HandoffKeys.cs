namespace LibraryBot.Bot.Handoff;

/// <summary>Names of <see cref="Engine.ConversationState.Values"/> entries the handoff reads or writes.</summary>
public static class HandoffKeys
{
    /// <summary>Set by the card-linking dialog: the linked patron's id in the catalogue (read for patron context).</summary>
    public const string PatronId = "patron.id";

    /// <summary>"true" while a prompt expects something secret (a PIN): the patron's next message is not recorded.</summary>
    public const string Sensitive = "sensitive";

    /// <summary>The satisfaction question was asked after a closed chat; holds the librarian who closed it.</summary>
    public const string SurveyPending = "handoff.survey";

    /// <summary>Staff replies kept for the patron's next message (sent by template while the channel's window was closed).</summary>
    public const string AwaitingWindow = "handoff.awaiting";
}
