namespace LibraryBot.Bot.Notices;

/// <summary>Where a notice is before the channel's own receipts take over (sent, delivered, read, failed: from the outbox).</summary>
public enum NoticeStatus
{
    /// <summary>In the ledger, its delivery turn not yet run.</summary>
    Planned,
    /// <summary>Checked again with the library system and handed to the outbox in the digest.</summary>
    Queued,
    /// <summary>Not sent: no longer true when checked just before sending, or consent withdrawn meanwhile.</summary>
    Skipped,
}
