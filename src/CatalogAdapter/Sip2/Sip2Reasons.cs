namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// SIP2 says only yes or no; the reason is in the screen message (<c>AF</c>), worded by each system. These are
/// the wordings Koha, Evergreen, FOLIO and Symphony use (error codes such as Koha's <c>too_many</c> included).
/// </summary>
internal static class Sip2Reasons
{
    private static readonly (OutcomeReason Reason, string[] Words)[] Table =
    [
        (OutcomeReason.NotFound, ["not found", "unknown item", "no such", "not checked out", "not on loan", "invalid item", "item not charged", "no hold found", "hold not found"]),
        (OutcomeReason.TooManyRenewals, ["too many renewals", "too_many", "renewal limit", "maximum renewals", "max renewals", "no more renewals", "renewals exceeded", "renewal limit reached"]),
        (OutcomeReason.OnHoldForAnotherPatron, ["on hold for another", "on_reserve", "reserved", "requested by another", "another patron", "has holds", "hold for another"]),
        (OutcomeReason.AlreadyHeld, ["already has a hold", "already on hold", "already held", "already requested", "duplicate hold", "already placed"]),
        (OutcomeReason.PatronBlocked, ["blocked", "debarred", "barred", "restricted", "suspended", "expired", "too many fines", "fines"]),
        (OutcomeReason.Overdue, ["overdue"]),
        (OutcomeReason.HoldNotAllowed, ["not supported", "not allowed", "not permitted", "cannot be placed", "not holdable", "unsupported"]),
    ];

    /// <summary>The reason a renewal was refused; <see cref="OutcomeReason.NotRenewable"/> when the words say nothing we know.</summary>
    public static OutcomeReason ForRenewal(string? screenMessage) => Match(screenMessage) switch
    {
        OutcomeReason.HoldNotAllowed or OutcomeReason.AlreadyHeld or null => OutcomeReason.NotRenewable,
        var reason => reason.Value,
    };

    /// <summary>The reason a hold (or its cancellation) was refused; <see cref="OutcomeReason.HoldNotAllowed"/> by default.</summary>
    public static OutcomeReason ForHold(string? screenMessage) => Match(screenMessage) switch
    {
        OutcomeReason.TooManyRenewals or OutcomeReason.OnHoldForAnotherPatron or null => OutcomeReason.HoldNotAllowed,
        var reason => reason.Value,
    };

    private static OutcomeReason? Match(string? screenMessage)
    {
        if (string.IsNullOrWhiteSpace(screenMessage))
        {
            return null;
        }

        foreach (var (reason, words) in Table)
        {
            if (words.Any(w => screenMessage.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return reason;
            }
        }

        return null;
    }
}
