using System.Text;
using System.Text.RegularExpressions;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// Turns messages into bytes and back: variable fields as <c>XXvalue|</c>, the optional <c>AY</c>/<c>AZ</c>
/// trailer, the terminator, the configured encoding and the <c>&amp;#124;</c> escape some servers use for <c>|</c>.
/// </summary>
internal sealed partial class Sip2Codec(Encoding encoding, bool errorDetection, Sip2Terminator terminator)
{
    private const string EscapedPipe = "&#124;";

    public Encoding Encoding => encoding;

    public bool ErrorDetection => errorDetection;

    /// <summary>
    /// Encodes a message. With error detection on, a sequence number (when given) and a checksum are added;
    /// resend requests (96/97) are sent without a sequence number, as the standard asks.
    /// </summary>
    public byte[] Encode(Sip2Message message, int? sequence)
    {
        var text = new StringBuilder(message.Code).Append(message.Fixed);
        foreach (var field in message.Fields)
        {
            text.Append(field.Id).Append(Clean(field.Value)).Append('|');
        }

        if (errorDetection)
        {
            if (sequence is { } seq)
            {
                text.Append("AY").Append((char)('0' + (seq % 10)));
            }

            text.Append("AZ");
            text.Append(Sip2Checksum.Format(Sip2Checksum.Compute(encoding.GetBytes(text.ToString()))));
        }

        text.Append(terminator == Sip2Terminator.CRLF ? "\r\n" : "\r");
        return encoding.GetBytes(text.ToString());
    }

    /// <summary>Decodes one frame (without its terminator). Throws <see cref="FormatException"/> when malformed.</summary>
    public Sip2Frame Decode(ReadOnlySpan<byte> frame)
    {
        var text = encoding.GetString(frame);
        int? sequence = null;
        bool? checksumValid = null;
        var trailer = Trailer().Match(text);
        if (trailer.Success)
        {
            checksumValid = Sip2Checksum.IsValid(frame);
            text = text[..trailer.Index];
        }
        else if (SequenceOnly().Match(text) is { Success: true } sequenceOnly)
        {
            trailer = sequenceOnly;
            text = text[..sequenceOnly.Index];
        }

        if (trailer.Success && trailer.Groups["seq"].Success)
        {
            sequence = trailer.Groups["seq"].Value[0] - '0';
        }

        return new Sip2Frame(Parse(text), sequence, checksumValid);
    }

    private static Sip2Message Parse(string text)
    {
        if (text.Length < 2)
        {
            throw new FormatException("SIP2 message shorter than its code.");
        }

        var code = text[..2];
        if (!Sip2FixedLengths.TryGet(code, out var fixedLength))
        {
            throw new FormatException($"Unknown SIP2 message code '{code}'.");
        }

        if (text.Length < 2 + fixedLength)
        {
            throw new FormatException($"SIP2 message {code} is shorter than its fixed fields.");
        }

        var fields = new List<Sip2Field>();
        foreach (var part in text[(2 + fixedLength)..].Split('|'))
        {
            if (part.Length >= 2)
            {
                fields.Add(new Sip2Field(part[..2], part[2..].Replace(EscapedPipe, "|", StringComparison.Ordinal)));
            }
        }

        return new Sip2Message(code, text.Substring(2, fixedLength), fields);
    }

    /// <summary>A value cannot carry the field separator or a line break; they become spaces.</summary>
    private static string Clean(string value) =>
        value.IndexOfAny(['|', '\r', '\n']) < 0 ? value : value.Replace('|', ' ').Replace('\r', ' ').Replace('\n', ' ');

    [GeneratedRegex(@"(?:AY(?<seq>[0-9]))?AZ[0-9A-Fa-f]{4}$")]
    private static partial Regex Trailer();

    [GeneratedRegex(@"AY(?<seq>[0-9])$")]
    private static partial Regex SequenceOnly();
}
