namespace LibraryBot.Channels.Activities;

public enum MediaKind
{
    Image,
    Video,
    Audio,
    Voice,
    Document,
    Sticker,
}

/// <summary>A reference to media held by the channel; fetched only when a librarian needs it.</summary>
public sealed record MediaRef(MediaKind Kind, string MediaId, string? MimeType = null, string? Caption = null, string? FileName = null);
