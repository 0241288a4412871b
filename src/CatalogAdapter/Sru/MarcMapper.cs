using System.Globalization;
using System.Text.RegularExpressions;

namespace LibraryBot.CatalogAdapter.Sru;

/// <summary>
/// MARC 21 to LibraryBot records: 245 $a $b title, 100/700 $a authors, 020 $a ISBN, 264/260 $b publisher and
/// $c year (else 008/07-10), 041 $a language (else 008/35-37), leader/06-07 format; holdings from Koha's 952
/// ($a home, $b holding branch, $o call number, $p barcode, $7 not for loan, $q due date, $0 withdrawn, $1 lost)
/// or the standard 852 ($b location, $h $i call number, $p barcode).
/// </summary>
internal static partial class MarcMapper
{
    private static readonly char[] Trailing = [' ', '/', ':', ';', ',', '.', '=', '\u3000'];

    public static CatalogueRecord ToRecord(MarcRecord marc, SruOptions options)
    {
        var imprint = marc.All("264").FirstOrDefault(f => f['b'] is not null || f['c'] is not null) ?? marc.First("260");
        return new CatalogueRecord(
            RecordId(marc, options) ?? "",
            Title(marc),
            marc.All("100").Concat(marc.All("700")).Select(f => Clean(f['a'])).OfType<string>().Distinct().ToList(),
            Year(imprint?['c']) ?? Year(Slice(marc.Control("008"), 7, 4)),
            Language(marc),
            Format(marc.Leader),
            Isbn(marc.First("020")?['a']),
            Clean(imprint?['b']),
            Holdings(marc, options));
    }

    public static SearchHit ToHit(CatalogueRecord record) =>
        new(record.RecordId, record.Title, record.Authors, record.Year, record.Language, record.Format, record.Availability);

    public static string? RecordId(MarcRecord marc, SruOptions options)
    {
        var id = options.IdField.Length == 3
            ? marc.Control(options.IdField)
            : marc.All(options.IdField[..3]).Select(f => f[options.IdField[3]]).FirstOrDefault(v => v is not null);
        return string.IsNullOrWhiteSpace(id) ? null : id.Trim();
    }

    private static string Title(MarcRecord marc)
    {
        var field = marc.First("245");
        var main = Clean(field?['a']) ?? "";
        var rest = Clean(field?['b']);
        return rest is null ? main : $"{main}: {rest}";
    }

    private static IReadOnlyList<Holding> Holdings(MarcRecord marc, SruOptions options)
    {
        var koha = marc.All("952").Select(f => Koha952(f, options)).ToList();
        return koha.Count > 0 ? koha : marc.All("852").Select(f => Standard852(f, options)).ToList();
    }

    private static Holding Koha952(MarcField f, SruOptions options)
    {
        var branch = Clean(f['b']) ?? Clean(f['a']) ?? "";
        var due = Date(f['q']);
        var status = Flag(f['0']) || Flag(f['1']) ? ItemStatus.Unknown
            : Flag(f['7']) ? ItemStatus.NotForLoan
            : due is not null ? ItemStatus.OnLoan
            : ItemStatus.Available;
        return new Holding(branch, BranchName(branch, options), Clean(f['p']) ?? Clean(f['9']), status, due, Clean(f['o']));
    }

    private static Holding Standard852(MarcField f, SruOptions options)
    {
        var branch = Clean(f['b']) ?? Clean(f['a']) ?? "";
        var call = string.Join(' ', new[] { Clean(f['h']), Clean(f['i']) }.OfType<string>());
        return new Holding(branch, BranchName(branch, options), Clean(f['p']), ItemStatus.Unknown, null, call.Length == 0 ? null : call);
    }

    private static string BranchName(string code, SruOptions options) =>
        options.BranchNames.TryGetValue(code, out var name) ? name : code;

    /// <summary>Koha's numeric authorised values: anything but empty or 0 means "set".</summary>
    private static bool Flag(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim() != "0";

    private static string? Language(MarcRecord marc)
    {
        var code = Clean(marc.First("041")?['a']) ?? Slice(marc.Control("008"), 35, 3)?.Trim();
        return string.IsNullOrEmpty(code) || code.All(c => c is '|' or ' ' or '#') ? null : code[..Math.Min(3, code.Length)].ToLowerInvariant();
    }

    private static string? Format(string leader)
    {
        if (leader.Length < 8)
        {
            return null;
        }

        return leader[6] switch
        {
            'a' or 't' => leader[7] == 's' ? "Serial" : "Book",
            'c' or 'd' => "Score",
            'e' or 'f' => "Map",
            'g' => "Video",
            'i' => "Audiobook",
            'j' => "Music",
            'm' => "Electronic resource",
            'k' => "Image",
            'r' => "Object",
            'p' => "Mixed materials",
            _ => null,
        };
    }

    private static string? Isbn(string? value)
    {
        var match = value is null ? Match.Empty : IsbnPattern().Match(value);
        return match.Success ? match.Value.Replace("-", "", StringComparison.Ordinal) : null;
    }

    private static int? Year(string? value)
    {
        var match = value is null ? Match.Empty : YearPattern().Match(value);
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    private static DateOnly? Date(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static string? Slice(string? value, int start, int length) =>
        value is not null && value.Length >= start + length ? value.Substring(start, length) : null;

    /// <summary>Drops ISBD punctuation and white space at the ends.</summary>
    private static string? Clean(string? value)
    {
        var text = value?.Trim().TrimEnd(Trailing).Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    [GeneratedRegex(@"\b[0-9][0-9-]{8,16}[0-9Xx]\b")]
    private static partial Regex IsbnPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}(?![0-9])")]
    private static partial Regex YearPattern();
}
