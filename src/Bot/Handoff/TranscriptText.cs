using System.Text.RegularExpressions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// How messages appear in transcripts, and their masked form for older transcripts: runs of four or more digits
/// (PINs, card numbers) become dots, quoted text and catalogue records (titles) are hidden.
/// </summary>
public static partial class TranscriptText
{
    public const string NotRecorded = "[not recorded: sensitive answer]";
    public const string PinHidden = "[PIN hidden]";

    /// <summary>
    /// The patron's message as text, or null for activities that are not something the patron said. A PIN was already
    /// taken out before the message was stored (it shows as "[PIN hidden]"); a card number keeps only its last four digits.
    /// </summary>
    public static string? FromActivity(Activity activity) => activity.Type switch
    {
        ActivityType.Message => CardNumbers().Replace((activity.Text ?? string.Empty).Replace(Understanding.Utterance.SecretMarker, PinHidden, StringComparison.Ordinal),
            m => new string('•', m.Length - 4) + m.Value[^4..]),
        ActivityType.ChoiceReply => $"[chose {activity.ChoiceId}]",
        ActivityType.Location => "[shared a location]",
        ActivityType.Media => "[sent a file]",
        _ => null,
    };

    public static string Mask(string text) =>
        Quoted().Replace(Digits().Replace(text, m => new string('•', m.Length)), "«…»");

    public static string MaskedFor(OutboundMessage message) => message switch
    {
        RecordCard => "[catalogue record]",
        ChoiceQuestion question => Mask(question.Text) + " [choices hidden]",
        _ => Mask(message.ToPlainText()),
    };

    [GeneratedRegex(@"\d{4,}")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\d{10,20}")]
    private static partial Regex CardNumbers();

    [GeneratedRegex("\"[^\"]{1,200}\"|“[^”]{1,200}”|«[^»]{1,200}»|《[^》]{1,200}》|「[^」]{1,200}」")]
    private static partial Regex Quoted();
}
