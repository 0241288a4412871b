namespace LibraryBot.Bot.Notices;

/// <summary>Where a pickup notice for one chat stands.</summary>
public enum PickupRecipientStatus
{
    /// <summary>Preview: the notice would be sent.</summary>
    Ready,
    /// <summary>The ledger already has this notice (same patron, branch and library day): it is not sent again.</summary>
    AlreadySent,
    /// <summary>Sent now: in the ledger and handed to the chat, whose turn checks consent again and sends it.</summary>
    Queued,
}
