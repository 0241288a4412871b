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
        (OutcomeReason.TooManyRenewals, ["too many renewals", "too_many", "renewal limit", "maximum renewals", "max renewals", "no more renewals", "renewals exceeded"]),
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

        // The reason named first wins: "Renewal limit reached: the item is reserved" is about the limit.
        OutcomeReason? found = null;
        var earliest = int.MaxValue;
        foreach (var (reason, words) in Table)
        {
            foreach (var word in words)
            {
                var at = screenMessage.IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && at < earliest)
                {
                    (found, earliest) = (reason, at);
                }
            }
        }

        return found;
    }
}
