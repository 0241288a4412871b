using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// Safe XML for WeChat payloads: DTDs prohibited (XXE and entity expansion fail at the DOCTYPE), no resolver,
/// a character cap; replies written with CDATA where <c>]]&gt;</c> is split and non-XML characters dropped.
/// </summary>
internal static class WeChatXml
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 1_000_000,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Parses a payload; throws <see cref="XmlException"/> when it is not a safe, well-formed <c>&lt;xml&gt;</c> document.</summary>
    public static XElement Parse(ReadOnlyMemory<byte> body)
    {
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        var root = XDocument.Load(reader).Root;
        return root is { Name.LocalName: "xml" } ? root : throw new XmlException("The root element must be <xml>.");
    }

    public static XElement Parse(string xml) => Parse(Encoding.UTF8.GetBytes(xml));

    /// <summary>The trimmed text of a direct child element, or null when it is absent or empty.</summary>
    public static string? Field(this XElement element, string name)
    {
        var value = element.Element(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static StringBuilder AppendCData(this StringBuilder sb, string name, string? value)
    {
        var text = new StringBuilder(value?.Length ?? 0);
        foreach (var ch in value ?? string.Empty)
        {
            if (XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch))
            {
                text.Append(ch);
            }
        }

        text.Replace("]]>", "]]]]><![CDATA[>");
        return sb.Append('<').Append(name).Append("><![CDATA[").Append(text).Append("]]></").Append(name).Append('>');
    }

    public static StringBuilder AppendNumber(this StringBuilder sb, string name, long value) =>
        sb.Append('<').Append(name).Append('>').Append(value).Append("</").Append(name).Append('>');
}
