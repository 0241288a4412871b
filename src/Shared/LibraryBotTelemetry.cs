using System.Diagnostics;

namespace LibraryBot.Shared;

/// <summary>
/// The name LibraryBot's own spans (<see cref="ActivitySource"/>) and instruments (<c>Meter</c>) are published under,
/// and the span attribute keys they share. Nothing personal ever goes into a span attribute or a metric tag: channel
/// names, error codes, adapter names, outcomes and hashed message ids only. Compiled into each project (linked source).
/// </summary>
internal static class LibraryBotTelemetry
{
    public const string Name = "LibraryBot";

    /// <summary>The source of LibraryBot's own spans (webhook → inbox → turn → outbox send, catalogue calls).</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Span attribute: the channel (<c>whatsapp</c>, <c>wechat</c>).</summary>
    public const string ChannelAttribute = "librarybot.channel";

    /// <summary>Span attribute: a hash of the inbound activity's dedupe key, shared by every span of that activity.</summary>
    public const string ActivityIdAttribute = "librarybot.activity.id";

    /// <summary>Span attribute: how the step ended (an outcome or reason word, never free text).</summary>
    public const string OutcomeAttribute = "librarybot.outcome";
}
