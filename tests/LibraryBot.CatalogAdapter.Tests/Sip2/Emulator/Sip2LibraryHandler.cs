using System.Collections.Concurrent;
using System.Globalization;
using LibraryBot.CatalogAdapter.Sip2;

namespace LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;

/// <summary>
/// The library behind the emulator: answers 63, 17, 29 and 15 from a catalogue (the Embedded demo library), as
/// an ILS would from its database. Items are known by barcode (the holdings' item ids); a hold is shown by the
/// barcode of its record's first copy, as Koha's SIP server does for title-level holds.
/// </summary>
internal sealed class Sip2LibraryHandler(ICatalogue library, Sip2EmulatorDialect dialect, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string> _recordByBarcode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _patronByBarcode = new(StringComparer.Ordinal);

    private DateTime Now => time.GetLocalNow().DateTime;

    public async Task<Sip2Message> HandleAsync(Sip2Message request, CancellationToken cancellationToken) => request.Code switch
    {
        "63" => await PatronInformationAsync(request, cancellationToken),
        "17" => await ItemInformationAsync(request.Get("AB") ?? string.Empty, cancellationToken),
        "29" => await RenewAsync(request, cancellationToken),
        "15" => await HoldAsync(request, cancellationToken),
        _ => throw new IOException($"message {request.Code} is not served"),
    };

    /// <summary>The barcode the emulator shows for a hold: the record's copy on the hold shelf, else its first copy.</summary>
    public async Task<string> BarcodeForHoldAsync(Hold hold, CancellationToken cancellationToken)
    {
        var record = await library.GetRecordAsync(hold.RecordId, cancellationToken) ?? throw new InvalidOperationException("hold on unknown record");
        var copies = record.Holdings.Where(h => h.ItemId is not null).ToList();
        foreach (var other in copies)
        {
            _recordByBarcode[other.ItemId!] = record.RecordId;
        }

        return copies.OrderByDescending(h => hold.Status == HoldStatus.Ready && h.Status == ItemStatus.OnHoldShelf).First().ItemId!;
    }

    private async Task<Sip2Message> PatronInformationAsync(Sip2Message request, CancellationToken cancellationToken)
    {
        var patronId = request.Get("AA") ?? string.Empty;
        var pin = request.Get("AD");
        var status = new string(' ', 14);
        string? message = null;
        bool? validPin = null;
        DateOnly? expires = null;
        if (pin is not null)
        {
            var auth = await library.AuthenticateAsync(patronId, pin, cancellationToken);
            message = auth.LibraryMessage;
            validPin = auth.Success || auth.Failure is AuthFailure.Blocked or AuthFailure.Expired;
            patronId = auth.PatronId ?? patronId;
            status = auth.Failure == AuthFailure.Blocked ? "YYYY          " : status;
            expires = auth.Failure == AuthFailure.Expired ? DateOnly.FromDateTime(Now).AddDays(-1) : null;
        }
        else if (await library.FindPatronByCardAsync(patronId, cancellationToken) is { } holder)
        {
            // An ILS knows its cards: a 63 without a PIN may name the patron by barcode.
            patronId = holder.PatronId;
        }

        var account = await AccountOrNullAsync(patronId, cancellationToken);
        if (account is null)
        {
            // A refused card (blocked, expired) is still a patron of the library: BL=Y with the flags and the reason.
            var known = validPin == true;
            return Sip2Message.Create(
                "64",
                status + "000" + Sip2Date.Format(Now) + new string('0', 24),
                ("AO", "EMU"), ("AA", patronId), ("AE", string.Empty), ("BL", known ? "Y" : "N"), ("CQ", known ? "Y" : null),
                ("PA", expires is { } date ? date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "    000000" : null),
                ("AF", message ?? "Unknown patron"));
        }

        var holds = new List<(Hold Hold, string Barcode, string Entry)>();
        foreach (var hold in account.Holds)
        {
            var barcode = await BarcodeForHoldAsync(hold, cancellationToken);
            holds.Add((hold, barcode, dialect.SummaryListsTitles ? hold.Title : barcode));
        }

        var charged = account.Loans.Select(l => dialect.SummaryListsTitles ? l.Title : l.ItemId!).ToList();
        var unavailable = holds.Where(h => h.Hold.Status != HoldStatus.Ready).Select(h => h.Entry).ToList();
        var summary = request.FixedSlice(21, 10);
        var (start, end) = (Page(request.Get("BP"), 1), Page(request.Get("BQ"), int.MaxValue));
        IEnumerable<(string, string?)> List(string id, int position, IReadOnlyList<string> entries) =>
            summary[position - 1] == 'Y' ? entries.Skip(start - 1).Take(end - start + 1).Select(e => (id, (string?)e)) : [];

        var counts = string.Concat(new[] { holds.Count, 0, charged.Count, 0, 0, unavailable.Count }.Select(c => c.ToString("D4", CultureInfo.InvariantCulture)));
        (string, string?)[] fields =
        [
            ("AO", "EMU"), ("AA", account.PatronId), ("AE", account.FirstName), ("BL", "Y"), ("CQ", validPin is { } v ? (v ? "Y" : "N") : null),
            ("BV", account.FinesTotal.ToString("0.00", CultureInfo.InvariantCulture)), ("BH", account.Currency), ("AQ", account.HomeBranchId),
            ("PA", expires is { } e ? e.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "    000000" : null),
            .. List("AS", Sip2Requests.HoldItems, [.. holds.Select(h => h.Entry)]),
            .. List("AU", Sip2Requests.ChargedItems, charged),
            .. List("CD", Sip2Requests.UnavailableHoldItems, unavailable),
            ("AF", message),
        ];
        foreach (var loan in account.Loans)
        {
            _patronByBarcode[loan.ItemId!] = account.PatronId;
            _recordByBarcode[loan.ItemId!] = loan.RecordId;
        }

        foreach (var (_, barcode, _) in holds)
        {
            _patronByBarcode.TryAdd(barcode, account.PatronId);
        }

        return Sip2Message.Create("64", status + "000" + Sip2Date.Format(Now) + counts, fields);
    }

    private async Task<Sip2Message> ItemInformationAsync(string barcode, CancellationToken cancellationToken)
    {
        var record = _recordByBarcode.TryGetValue(barcode, out var recordId) ? await library.GetRecordAsync(recordId, cancellationToken) : null;
        var copy = record?.Holdings.FirstOrDefault(h => h.ItemId == barcode);
        if (record is null || copy is null)
        {
            return Sip2Message.Create("18", "010000" + Sip2Date.Format(Now), ("AB", barcode), ("AJ", string.Empty), ("AF", "Item not found"));
        }

        var account = _patronByBarcode.TryGetValue(barcode, out var patronId) ? await AccountOrNullAsync(patronId, cancellationToken) : null;
        var loan = account?.Loans.FirstOrDefault(l => l.ItemId == barcode);
        var hold = account?.Holds.FirstOrDefault(h => h.RecordId == record.RecordId);
        var left = loan?.RenewalsLeft ?? (loan?.NotRenewableReason == OutcomeReason.TooManyRenewals ? 0 : null);
        var status = copy.Status switch
        {
            ItemStatus.Available => "03",
            ItemStatus.OnLoan => "04",
            ItemStatus.OnHoldShelf => "08",
            ItemStatus.InTransit => "10",
            _ => "01",
        };
        return Sip2Message.Create(
            "18",
            (loan is not null ? "04" : status) + "0001" + Sip2Date.Format(Now),
            ("CF", loan?.NotRenewableReason == OutcomeReason.OnHoldForAnotherPatron ? "00001" : "00000"),
            ("AH", DueField(loan?.DueDate ?? copy.DueDate)),
            ("CM", hold?.ReadyUntil is { } until ? DueField(until) : null),
            ("AB", barcode),
            ("AJ", record.Title),
            ("AQ", copy.BranchId),
            ("AP", hold is { Status: HoldStatus.Ready } ? hold.PickupBranchId : copy.BranchId),
            (dialect.RenewalsLeftField ?? "ZZ", dialect.RenewalsLeftField is not null && left is { } n ? n.ToString(CultureInfo.InvariantCulture) : null));
    }

    private async Task<Sip2Message> RenewAsync(Sip2Message request, CancellationToken cancellationToken)
    {
        var patronId = request.Get("AA") ?? string.Empty;
        var barcode = request.Get("AB") ?? string.Empty;
        var loan = (await AccountOrNullAsync(patronId, cancellationToken))?.Loans.FirstOrDefault(l => l.ItemId == barcode);
        var outcome = loan is null
            ? new RenewalOutcome(barcode, string.Empty, false, null, OutcomeReason.NotFound, "Item not checked out to this patron")
            : await library.RenewAsync(patronId, loan.LoanId, cancellationToken);
        return Sip2Message.Create(
            "30",
            (outcome.Renewed ? "1Y" : "0N") + "UN" + Sip2Date.Format(Now),
            ("AO", "EMU"), ("AA", patronId), ("AB", barcode), ("AJ", loan?.Title ?? string.Empty),
            ("AH", outcome.NewDueDate is { } due ? DueField(due) : string.Empty),
            ("AF", outcome.Renewed ? null : Words(outcome.Reason, outcome.LibraryMessage)));
    }

    private async Task<Sip2Message> HoldAsync(Sip2Message request, CancellationToken cancellationToken)
    {
        var patronId = request.Get("AA") ?? string.Empty;
        var barcode = request.Get("AB") ?? string.Empty;
        var outcome = dialect.RefuseHolds
            ? new HoldOutcome(false, null, OutcomeReason.HoldNotAllowed, "Hold requests are not supported by this SIP server")
            : request.FixedAt(0) == '+'
                ? await PlaceAsync(patronId, barcode, request.Get("AJ"), request.Get("BS") ?? string.Empty, cancellationToken)
                : await CancelAsync(patronId, barcode, cancellationToken);
        return Sip2Message.Create(
            "16",
            (outcome.Success ? "1" : "0") + "N" + Sip2Date.Format(Now),
            ("BR", outcome.QueuePosition?.ToString(CultureInfo.InvariantCulture)),
            ("BS", request.Get("BS")), ("AO", "EMU"), ("AA", patronId), ("AB", barcode),
            ("AF", outcome.Success ? null : Words(outcome.Reason, outcome.LibraryMessage)));
    }

    private async Task<HoldOutcome> PlaceAsync(string patronId, string barcode, string? title, string pickup, CancellationToken cancellationToken)
    {
        if (!_recordByBarcode.ContainsKey(barcode) && title is not null)
        {
            // The emulator's "item table" is the catalogue: find the copy through its record's title.
            var page = await library.SearchAsync(new SearchQuery(title, SearchField.Title, 1, 10), cancellationToken);
            foreach (var hit in page.Hits)
            {
                if ((await library.GetRecordAsync(hit.RecordId, cancellationToken))?.Holdings.Any(h => h.ItemId == barcode) == true)
                {
                    _recordByBarcode[barcode] = hit.RecordId;
                }
            }
        }

        if (!_recordByBarcode.TryGetValue(barcode, out var recordId))
        {
            return new HoldOutcome(false, null, OutcomeReason.NotFound, null);
        }

        _patronByBarcode.TryAdd(barcode, patronId);
        return await library.PlaceHoldAsync(patronId, recordId, pickup, cancellationToken);
    }

    private async Task<HoldOutcome> CancelAsync(string patronId, string barcode, CancellationToken cancellationToken)
    {
        foreach (var hold in (await AccountOrNullAsync(patronId, cancellationToken))?.Holds ?? [])
        {
            if (await BarcodeForHoldAsync(hold, cancellationToken) == barcode)
            {
                return await library.CancelHoldAsync(patronId, hold.HoldId, cancellationToken);
            }
        }

        return new HoldOutcome(false, null, OutcomeReason.NotFound, null);
    }

    private async Task<PatronAccount?> AccountOrNullAsync(string patronId, CancellationToken cancellationToken)
    {
        try
        {
            return await library.GetAccountAsync(patronId, cancellationToken);
        }
        catch (CatalogueException ex) when (ex.Kind == CatalogueErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>The screen message an ILS would send: its own words for the reason, then the library's.</summary>
    private static string Words(OutcomeReason? reason, string? libraryMessage)
    {
        var words = reason switch
        {
            OutcomeReason.TooManyRenewals => "Renewal limit reached (too_many)",
            OutcomeReason.OnHoldForAnotherPatron => "Item is on hold for another patron",
            OutcomeReason.Overdue => "Item is overdue",
            OutcomeReason.PatronBlocked => "Patron is blocked",
            OutcomeReason.AlreadyHeld => "Patron already has a hold on this title",
            OutcomeReason.HoldNotAllowed => "Hold not allowed",
            OutcomeReason.NotFound => "Item not found",
            OutcomeReason.SystemUnavailable => "System unavailable",
            _ => "Item cannot be renewed",
        };
        return string.IsNullOrWhiteSpace(libraryMessage) || libraryMessage == words ? words : $"{words}: {libraryMessage}";
    }

    private static string DueField(DateOnly? date) =>
        date is { } d ? d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "    235959" : string.Empty;

    private static int Page(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
