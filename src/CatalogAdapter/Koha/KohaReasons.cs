using System.Text.RegularExpressions;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>
/// Koha's refusal codes mapped to <see cref="OutcomeReason"/>. Renewals: the codes of
/// <c>C4::Circulation::CanBookBeRenewed</c>, sent as "Renewal not authorized (code)" or in <c>allows_renewal.error</c>.
/// Holds: the statuses of <c>CanBookBeReserved</c>, sent as "Hold cannot be placed. Reason: code".
/// </summary>
internal static partial class KohaReasons
{
    public static OutcomeReason Renewal(string? message)
    {
        var code = Code(message);
        return code switch
        {
            "too_many" or "too_unseen" => OutcomeReason.TooManyRenewals,
            "on_reserve" => OutcomeReason.OnHoldForAnotherPatron,
            "overdue" => OutcomeReason.Overdue,
            "restriction" or "debarred" or "auto_account_expired" or "auto_too_much_oweing" or "expired" => OutcomeReason.PatronBlocked,
            "no_checkout" or "no_item" or "not_found" => OutcomeReason.NotFound,
            _ => OutcomeReason.NotRenewable,
        };
    }

    public static OutcomeReason Hold(string? message)
    {
        if (message?.Contains("not found", StringComparison.OrdinalIgnoreCase) == true)
        {
            return OutcomeReason.NotFound;
        }

        var code = Code(message);
        return code switch
        {
            "alreadyreserved" or "alreadypossession" or "itemalreadyonhold" => OutcomeReason.AlreadyHeld,
            "debarred" or "expired" or "restricted" or "toomuchoweing" => OutcomeReason.PatronBlocked,
            "biblionotfound" or "itemnotfound" or "not_found" => OutcomeReason.NotFound,
            _ => OutcomeReason.HoldNotAllowed,
        };
    }

    /// <summary>The code inside Koha's message: "(code)" or "Reason: code", or the whole text if it is one word.</summary>
    public static string? Code(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var match = CodePattern().Match(message);
        var code = match.Success ? match.Groups["code"].Value : message.Trim();
        return code.ToLowerInvariant();
    }

    [GeneratedRegex(@"(?:\((?<code>[A-Za-z_]+)\)|Reason:\s*(?<code>[A-Za-z_]+))", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
