namespace LibraryBot.Bot.Consent;

/// <summary>How a consent event came about.</summary>
public enum ConsentSource
{
    /// <summary>The patron answered a question or wrote a request in the chat.</summary>
    Chat,
    /// <summary>The patron wrote a stop word (STOP, BAJA, 退订, HỦY) or START.</summary>
    StopWord,
    /// <summary>The channel reported the patron's own setting (WhatsApp <c>user_preferences</c>).</summary>
    ChannelPreference,
    /// <summary>The channel refused to deliver because the patron opted out (WhatsApp 131050, Twilio 21610).</summary>
    ChannelError,
    /// <summary>Staff recorded it in the console (e.g. a paper form).</summary>
    Console,
    /// <summary>The patron asked to delete their data: every grant is withdrawn, and the withdrawal is kept.</summary>
    Erasure,
    /// <summary>The patron unfollowed the account (WeChat): every grant is withdrawn with the chat's data.</summary>
    Unfollow,
}
