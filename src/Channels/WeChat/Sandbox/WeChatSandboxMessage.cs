using System.Text.Json.Nodes;

namespace LibraryBot.Channels.WeChat.Sandbox;

/// <summary>One request body the fake API accepted (<paramref name="Api"/>: custom/send or template/send, as received;
/// mass/send: the follower's share, <c>{touser, msgtype, text, msg_id}</c>).</summary>
internal sealed record WeChatSandboxMessage(long Sequence, string ToUser, string Api, JsonNode? Body, DateTimeOffset ReceivedAt);
