using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Tests.Support;

internal static class Texts
{
    public static string Plain(this IEnumerable<OutboundMessage> messages) => string.Join("\n---\n", messages.Select(m => m.ToPlainText()));
}
