namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// One SIP2 message without its error-detection trailer: the two-character code, the fixed-length fields
/// (concatenated, in protocol order) and the variable fields in the order they were sent.
/// </summary>
internal sealed record Sip2Message(string Code, string Fixed, IReadOnlyList<Sip2Field> Fields)
{
    /// <summary>Builds a message; fields with a null value are left out (optional fields not sent).</summary>
    public static Sip2Message Create(string code, string fixedPart, params (string Id, string? Value)[] fields) =>
        new(code, fixedPart, [.. fields.Where(f => f.Value is not null).Select(f => new Sip2Field(f.Id, f.Value!))]);

    /// <summary>The first value of a field, or null when the field is absent.</summary>
    public string? Get(string id)
    {
        foreach (var field in Fields)
        {
            if (field.Id == id)
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>Every value of a repeatable field (<c>AU</c>, <c>AS</c>, <c>AF</c>…), in order.</summary>
    public IReadOnlyList<string> GetAll(string id) => [.. Fields.Where(f => f.Id == id).Select(f => f.Value)];

    /// <summary>One character of the fixed part (0-based), or a space when the part is shorter.</summary>
    public char FixedAt(int index) => index < Fixed.Length ? Fixed[index] : ' ';

    /// <summary>A slice of the fixed part (0-based).</summary>
    public string FixedSlice(int start, int length) => Fixed.Substring(start, length);
}
