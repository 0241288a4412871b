namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// The <c>AZ</c> checksum: the unsigned bytes of the encoded message from its first byte through <c>AZ</c> are
/// summed, and the checksum is <c>(-sum) &amp; 0xFFFF</c> written as four uppercase hex digits.
/// </summary>
internal static class Sip2Checksum
{
    public static ushort Compute(ReadOnlySpan<byte> bytesThroughAz)
    {
        var sum = 0;
        foreach (var b in bytesThroughAz)
        {
            sum += b;
        }

        return (ushort)(-sum & 0xFFFF);
    }

    public static string Format(ushort checksum) => checksum.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when the frame (without terminator) ends in <c>AZ</c> plus four hex digits.</summary>
    public static bool HasChecksum(ReadOnlySpan<byte> frame) =>
        frame.Length >= 6 && frame[^6] == (byte)'A' && frame[^5] == (byte)'Z' && IsHex(frame[^4..]);

    /// <summary>Bytes through <c>AZ</c> plus the checksum's value must be 0 modulo 0x10000.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame)
    {
        if (!HasChecksum(frame))
        {
            return false;
        }

        var sum = 0;
        foreach (var b in frame[..^4])
        {
            sum += b;
        }

        var value = 0;
        foreach (var b in frame[^4..])
        {
            value = (value << 4) + HexValue(b);
        }

        return ((sum + value) & 0xFFFF) == 0;
    }

    private static bool IsHex(ReadOnlySpan<byte> digits)
    {
        foreach (var b in digits)
        {
            if (HexValue(b) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
