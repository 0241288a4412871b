namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>A variable field: two-letter id and its value (on the wire <c>XXvalue|</c>).</summary>
internal readonly record struct Sip2Field(string Id, string Value);
