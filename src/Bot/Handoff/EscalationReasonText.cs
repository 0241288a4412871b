using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Handoff;

/// <summary>Why a patron is in the queue, as staff read it (console English): "Asked for a librarian", "Needs staff: catalogue unavailable".</summary>
public static class EscalationReasonText
{
    public const string CataloguePrefix = "catalogue-";

    public static string Describe(EscalationReason? reason, string? detail) => reason switch
    {
        null => "With a librarian",
        EscalationReason.PatronAsked when detail == "search" => "Asked for a librarian during a search",
        EscalationReason.PatronAsked => "Asked for a librarian",
        EscalationReason.NotUnderstood => NotUnderstoodDialog.MisunderstandingsBeforeOffer == 2
            ? "The bot did not understand twice"
            : $"The bot did not understand {NotUnderstoodDialog.MisunderstandingsBeforeOffer} times",
        EscalationReason.NeedsStaff => "Needs staff: " + Need(detail),
        _ => reason.Value.ToString(),
    };

    private static string Need(string? detail)
    {
        if (detail is not null && detail.StartsWith(CataloguePrefix, StringComparison.Ordinal)
            && Enum.TryParse<CatalogueErrorKind>(detail[CataloguePrefix.Length..], out var kind))
        {
            return kind switch
            {
                CatalogueErrorKind.Unavailable => "catalogue unavailable",
                CatalogueErrorKind.Timeout => "catalogue too slow to answer",
                CatalogueErrorKind.Protocol => "catalogue answer not understood",
                CatalogueErrorKind.Unauthorized => "catalogue refused the bot's credentials",
                CatalogueErrorKind.NotFound => "record not found in the catalogue",
                _ => "catalogue problem",
            };
        }

        return string.IsNullOrWhiteSpace(detail) ? "a question the bot cannot answer" : detail.Replace('-', ' ');
    }
}
