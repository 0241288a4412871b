using System.Text;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>
/// One span of an OTLP <c>ExportTraceServiceRequest</c> (resource_spans=1 → scope_spans=2 → spans=2), read straight from
/// the protobuf wire format: ids as hex, the name, and string/int attributes.
/// </summary>
public sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes)
{
    public static IReadOnlyList<OtlpSpan> Parse(byte[] request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                spans.AddRange(Fields(scopeSpans.Bytes).Where(f => f.Number == 2).Select(f => ReadSpan(f.Bytes)));
            }
        }

        return spans;
    }

    private static OtlpSpan ReadSpan(byte[] span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields(span))
        {
            switch (field.Number)
            {
                case 1: traceId = Convert.ToHexStringLower(field.Bytes); break;
                case 2: spanId = Convert.ToHexStringLower(field.Bytes); break;
                case 4: parent = Convert.ToHexStringLower(field.Bytes); break;
                case 5: name = Encoding.UTF8.GetString(field.Bytes); break;
                case 9:
                    var keyValue = Fields(field.Bytes).ToList();
                    var key = Encoding.UTF8.GetString(keyValue.First(f => f.Number == 1).Bytes);
                    var value = Fields(keyValue.First(f => f.Number == 2).Bytes).FirstOrDefault();
                    attributes[key] = value.Number switch
                    {
                        1 => Encoding.UTF8.GetString(value.Bytes),
                        3 => value.Varint.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => "",
                    };
                    break;
            }
        }

        return new OtlpSpan(traceId, spanId, parent, name, attributes);
    }

    /// <summary>The fields of one message: number, and the bytes (length-delimited) or the value (varint).</summary>
    private static IEnumerable<(int Number, byte[] Bytes, long Varint)> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    yield return (number, [], ReadVarint(message, ref position));
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    yield return (number, message[position..(position + length)], 0);
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unknown wire type {tag & 7}.");
            }
        }
    }

    private static long ReadVarint(byte[] message, ref int position)
    {
        long value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (long)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
