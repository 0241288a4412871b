namespace LibraryBot.CatalogAdapter;

/// <summary>Regular opening hours for one day of the week. A day with no entry is closed.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A date with different hours (holiday, event). Null <see cref="Opens"/> means closed all day.</summary>
public sealed record HoursException(DateOnly Date, TimeOnly? Opens, TimeOnly? Closes, string? Reason);

public sealed record Branch(
    string BranchId,
    string Name,
    string? Address,
    string? Phone,
    double? Latitude,
    double? Longitude,
    string TimeZone,
    IReadOnlyList<OpeningHours> Weekly,
    IReadOnlyList<HoursException> Exceptions);
