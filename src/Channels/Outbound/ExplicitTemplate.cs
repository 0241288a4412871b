namespace LibraryBot.Channels.Outbound;

/// <summary>
/// An approved template named by the sender itself (a broadcast's marketing template) rather than mapped from a
/// <see cref="NotificationKind"/>: its <see cref="Name"/> and its body parameters {{1}}, {{2}}… in order.
/// The language is the patron's (each channel maps the locale to the code the template was approved in).
/// </summary>
public sealed record ExplicitTemplate(string Name, IReadOnlyList<string> Parameters);
