using System.Text;
using FluentValidation;

namespace LibraryBot.Channels.WeChat;

/// <summary>WeChat's menu limits, counted in UTF-8 bytes (a CJK character is 3 bytes).</summary>
public sealed class WeChatMenuButtonValidator : AbstractValidator<WeChatMenuButton>
{
    public const string Click = "click";
    public const string View = "view";

    public WeChatMenuButtonValidator(bool topLevel)
    {
        var maxName = topLevel ? 16 : 60;
        RuleFor(b => b.Name).NotEmpty()
            .Must(n => Bytes(n) <= maxName).WithMessage($"must be at most {maxName} UTF-8 bytes (a Chinese character is 3)");
        RuleFor(b => b.SubButtons.Count).LessThanOrEqualTo(topLevel ? 5 : 0).OverridePropertyName("SubButtons")
            .WithMessage(topLevel ? "must have at most 5 sub-buttons" : "sub-buttons cannot have sub-buttons");
        RuleFor(b => b.Type).Must(t => t is Click or View)
            .When(b => b.SubButtons.Count == 0).WithMessage("must be 'click' or 'view'");
        RuleFor(b => b.Type).Empty().When(b => b.SubButtons.Count > 0)
            .WithMessage("must be empty on a button that opens sub-buttons");
        RuleFor(b => b.Key).NotEmpty().Must(k => Bytes(k) <= 128).WithMessage("must be 1 to 128 UTF-8 bytes")
            .When(b => b.Type == Click);
        RuleFor(b => b.Intent).NotEmpty().Matches("^[a-z][a-z0-9_]*$").WithMessage("must name a bot intent, e.g. search or renew_all")
            .When(b => b.Type == Click);
        RuleFor(b => b.Url).Must(IsHttpUrl).WithMessage("must be an absolute http(s) URL")
            .Must(u => Bytes(u) <= 1024).WithMessage("must be at most 1024 UTF-8 bytes")
            .When(b => b.Type == View);
        if (topLevel)
        {
            RuleForEach(b => b.SubButtons).OverrideIndexer(ConfigIndex).SetValidator(new WeChatMenuButtonValidator(topLevel: false));
        }
    }

    /// <summary>Names list items like configuration keys (Menu.0.Name → Menu:0:Name) instead of Menu[0].Name.</summary>
    internal static string ConfigIndex<TParent, TItem>(TParent parent, IEnumerable<TItem> items, TItem item, int index) => "." + index;

    internal static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static int Bytes(string? s) => Encoding.UTF8.GetByteCount(s ?? string.Empty);
}
