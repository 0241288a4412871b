using System.Text;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>Resolves the configured wire encoding, including the code pages (IBM850, windows-1252) older servers use.</summary>
internal static class Sip2Encodings
{
    static Sip2Encodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsKnown(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        try
        {
            _ = Get(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The encoding without a byte-order mark: the wire never carries one.</summary>
    public static Encoding Get(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        return encoding is UTF8Encoding ? new UTF8Encoding(false) : encoding;
    }
}
