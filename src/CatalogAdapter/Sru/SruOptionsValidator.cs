using System.Text.RegularExpressions;
using FluentValidation;

namespace LibraryBot.CatalogAdapter.Sru;

public sealed partial class SruOptionsValidator : AbstractValidator<SruOptions>
{
    private static readonly string[] Fields = ["any", "title", "author", "subject", "isbn", "id"];

    public SruOptionsValidator()
    {
        RuleFor(o => o.BaseUrl)
            .NotEmpty()
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("must be an absolute http(s) URL of the SRU endpoint");
        RuleFor(o => o.Version).Must(v => v is "1.2" or "2.0").WithMessage("must be 1.2 or 2.0");
        RuleFor(o => o.RecordSchema).NotEmpty();
        RuleFor(o => o.TimeoutMs).InclusiveBetween(500, 120_000);
        RuleFor(o => o.WordRelation).Must(r => r is "all" or "any" or "=" or "adj").WithMessage("must be all, any, = or adj");
        RuleFor(o => o.IndexMap)
            .Must(map => Fields.All(f => map.TryGetValue(f, out var index) && IndexPattern().IsMatch(index)))
            .WithMessage($"must map {string.Join(", ", Fields)} to CQL index names (letters, digits, '.', '_', '-')");
        RuleFor(o => o.IdField).Matches("^(00[1-9]|[0-9]{3}[0-9a-z])$").WithMessage("must be a control field (001) or tag+subfield (999c)");
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._-]*$")]
    private static partial Regex IndexPattern();
}
