namespace LibraryBot.Bot.Understanding;

/// <summary>The intents the understanding layer produces (the corpus uses the same names).</summary>
public static class IntentNames
{
    public const string None = "none";
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string Menu = "menu";
    public const string Cancel = "cancel";
    public const string Librarian = "librarian";
    public const string Language = "language";
    public const string Search = "search";
    public const string Loans = "loans";
    public const string RenewAll = "renew-all";
    public const string RenewOne = "renew-one";
    public const string Renew = "renew";
    public const string Holds = "holds";
    public const string Fines = "fines";
    public const string Hours = "hours";
    public const string Contact = "contact";
    public const string Cards = "cards";
    public const string LinkCard = "link-card";
    public const string UnlinkCard = "unlink-card";
    public const string NewsStop = "news-stop";
    public const string NewsStart = "news-start";

    /// <summary>"news", "noticias", "订阅", "tin tức": sign up for news by topic (with a value: that topic).</summary>
    public const string NewsSignup = "news-signup";

    /// <summary>"my subscriptions": the news topics the chat is signed up for, to leave or join.</summary>
    public const string NewsSubscriptions = "news-subscriptions";
    /// <summary>"text me at +1 415 555 0100": register an SMS number for notices (the number is an entity of the message, or asked for).</summary>
    public const string SmsRegister = "sms-register";

    /// <summary>"stop texting me": the registered SMS number is forgotten and its consent withdrawn.</summary>
    public const string SmsStop = "sms-stop";

    /// <summary>"SMS only": notices go by SMS to the registered number instead of this chat.</summary>
    public const string SmsOnly = "sms-only";
    public const string NoticesOn = "notices-on";
    public const string NoticesOff = "notices-off";
    public const string DeleteData = "delete-data";
    public const string AutoReply = "autoreply";
    public const string SmallTalk = "smalltalk";
    public const string Affirm = "affirm";
    public const string Nearest = "nearest";
    public const string Deny = "deny";

    /// <summary>Intents that act on the patron's library account (they need a linked card).</summary>
    public static readonly IReadOnlySet<string> Account = new HashSet<string>(StringComparer.Ordinal)
        { Loans, RenewAll, RenewOne, Renew, Holds, Fines, Cards, LinkCard, UnlinkCard };
}
