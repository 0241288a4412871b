namespace LibraryBot.Channels.WeChat;

/// <summary>
/// One custom-menu button (<c>Channels:WeChat:Menu:N</c>). A top-level button either has <see cref="SubButtons"/>
/// (and no type) or is itself a <c>click</c> button (<see cref="Key"/> + the bot <see cref="Intent"/> it starts)
/// or a <c>view</c> button (<see cref="Url"/>).
/// </summary>
public sealed class WeChatMenuButton
{
    public string Name { get; set; } = string.Empty;

    /// <summary><c>click</c> or <c>view</c>; empty for a button that only opens <see cref="SubButtons"/>.</summary>
    public string? Type { get; set; }

    public string? Key { get; set; }

    /// <summary>The bot intent a click starts, e.g. search, my_account, renew_all, hours, librarian.</summary>
    public string? Intent { get; set; }

    public string? Url { get; set; }

    public List<WeChatMenuButton> SubButtons { get; set; } = [];
}
