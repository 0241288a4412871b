namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>A decoded message with its error-detection trailer: sequence number and whether the checksum held.</summary>
/// <param name="ChecksumValid">Null when the message carried no checksum.</param>
internal sealed record Sip2Frame(Sip2Message Message, int? Sequence, bool? ChecksumValid);
