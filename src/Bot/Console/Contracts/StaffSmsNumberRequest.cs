namespace LibraryBot.Bot.Console.Contracts;

/// <summary>
/// Staff registering a patron's SMS number for notices: the number as the patron gave it (read in the library's
/// region), whether notices go by SMS only, and that the patron agreed (required: staff record consent, not grant it).
/// </summary>
public sealed record StaffSmsNumberRequest(string? Number, bool SmsOnly, bool PatronAgreed);

/// <summary>A chat's SMS number for notices as staff see it: masked but the last four digits.</summary>
public sealed record SmsNumberView(bool Registered, string? Number, bool SmsOnly);
