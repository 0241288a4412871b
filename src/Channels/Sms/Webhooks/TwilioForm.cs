using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace LibraryBot.Channels.Sms.Webhooks;

/// <summary>The parameters of a Twilio webhook (<c>application/x-www-form-urlencoded</c>, UTF-8), parsed from the raw body.</summary>
internal sealed class TwilioForm
{
    private readonly Dictionary<string, StringValues> fields;

    private TwilioForm(Dictionary<string, StringValues> fields) => this.fields = fields;

    /// <summary>Every name/value pair, repeated names once per value (what the signature covers).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs =>
        [.. fields.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)))];

    public string? this[string name] => fields.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Parses the body; null when it is not form-encoded text within the limits (1,000 fields).</summary>
    public static TwilioForm? Parse(ReadOnlyMemory<byte> body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        try
        {
            using var reader = new FormReader(text) { ValueCountLimit = 1000, KeyLengthLimit = 256, ValueLengthLimit = body.Length + 1 };
            return new TwilioForm(reader.ReadForm());
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
