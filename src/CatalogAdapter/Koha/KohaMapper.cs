using LibraryBot.CatalogAdapter.ConfiguredBranches;
using System.Globalization;

namespace LibraryBot.CatalogAdapter.Koha;

/// <summary>Koha payloads to LibraryBot records.</summary>
internal static class KohaMapper
{
    /// <summary>A Koha date or date-time as the library's calendar date (Koha sends its own offset).</summary>
    public static DateOnly? Date(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? DateOnly.FromDateTime(instant.DateTime)
            : null;
    }

    /// <summary>Koha's one-letter <c>found</c> status: W waiting on the shelf, T in transit, P in processing, none = in the queue.</summary>
    public static HoldStatus HoldStatus(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "W" => LibraryBot.CatalogAdapter.HoldStatus.Ready,
        "T" or "P" => LibraryBot.CatalogAdapter.HoldStatus.InTransit,
        _ => LibraryBot.CatalogAdapter.HoldStatus.Waiting,
    };

    public static Hold Hold(KohaHold hold, string title, IReadOnlyDictionary<string, KohaLibrary> libraries)
    {
        var status = HoldStatus(hold.Status);
        var pickup = hold.PickupLibraryId ?? "";
        return new Hold(
            hold.HoldId.ToString(CultureInfo.InvariantCulture),
            hold.BiblioId.ToString(CultureInfo.InvariantCulture),
            title,
            status,
            pickup,
            libraries.TryGetValue(pickup, out var library) ? library.Name : null,
            status == LibraryBot.CatalogAdapter.HoldStatus.Ready ? Date(hold.ExpirationDate) : null,
            status == LibraryBot.CatalogAdapter.HoldStatus.Waiting && hold.Priority is > 0 ? hold.Priority : null);
    }

    public static Branch Branch(KohaLibrary library, CatalogBranchesOptions hours, string defaultTimeZone)
    {
        var configured = hours.Find(library.LibraryId);
        var address = string.Join(", ", new[] { library.Address1, library.Address2, library.Address3, library.PostalCode, library.City, library.Country }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
        var (latitude, longitude) = Geolocation(library.Geolocation);
        return new Branch(
            library.LibraryId,
            library.Name,
            address.Length == 0 ? null : address,
            string.IsNullOrWhiteSpace(library.Phone) ? null : library.Phone,
            latitude,
            longitude,
            string.IsNullOrEmpty(configured?.TimeZone) ? defaultTimeZone : configured.TimeZone,
            configured?.WeeklyHours() ?? [],
            configured?.ExceptionHours() ?? []);
    }

    /// <summary>Koha's free-text <c>geolocation</c> ("lat,long").</summary>
    public static (double? Latitude, double? Longitude) Geolocation(string? value)
    {
        var parts = value?.Split(',', StringSplitOptions.TrimEntries);
        if (parts is [var lat, var lon]
            && double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            && Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180)
        {
            return (latitude, longitude);
        }

        return (null, null);
    }
}
