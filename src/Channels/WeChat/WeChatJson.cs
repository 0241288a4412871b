using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Refit;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// Outbound JSON for Tencent: real UTF-8, never <c>\uXXXX</c> escapes (errcode 40033). The relaxed encoder
/// keeps CJK as is but still escapes characters outside the BMP (emoji), so those pairs are turned back into
/// UTF-8 here. Used for outbound API bodies only, never for HTML.
/// </summary>
internal static partial class WeChatJson
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly RefitSettings RefitSettings = new(new SystemTextJsonContentSerializer(SerializerOptions));

    public static string Serialize(JsonNode node) =>
        EscapedSurrogatePair().Replace(node.ToJsonString(SerializerOptions), m =>
            m.Groups["lead"].Value + (char)Convert.ToInt32(m.Groups["high"].Value, 16) + (char)Convert.ToInt32(m.Groups["low"].Value, 16));

    public static HttpContent Content(JsonNode node)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Serialize(node)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>True when a JSON text holds a <c>\uXXXX</c> escape (what Tencent rejects with 40033).</summary>
    public static bool HasUnicodeEscape(string json) => UnicodeEscape().IsMatch(json);

    // An escape is real only after an even number of backslashes (\\uD83D is a literal backslash and text).
    [GeneratedRegex(@"(?<lead>(?<!\\)(?:\\\\)*)\\u(?<high>D[89AB][0-9A-F]{2})\\u(?<low>D[C-F][0-9A-F]{2})", RegexOptions.IgnoreCase)]
    private static partial Regex EscapedSurrogatePair();

    [GeneratedRegex(@"(?<!\\)(?:\\\\)*\\u[0-9A-Fa-f]{4}")]
    private static partial Regex UnicodeEscape();
}
