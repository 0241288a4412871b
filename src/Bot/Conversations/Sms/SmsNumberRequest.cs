namespace LibraryBot.Bot.Conversations.Sms;

public enum SmsNumberChange
{
    /// <summary>"text me at …": register the number (asked for when the message had none).</summary>
    Register,
    /// <summary>"SMS only": notices by SMS instead of this chat.</summary>
    SmsOnly,
    /// <summary>"stop texting me": forget the number, withdraw its consent.</summary>
    Stop,
}

/// <param name="Typed">The phone number as the patron typed it in the request, if any.</param>
public sealed record SmsNumberRequest(SmsNumberChange Change, string? Typed = null);
