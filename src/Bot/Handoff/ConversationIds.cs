using System.Buffers.Text;
using System.Text;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Handoff;

/// <summary>Conversation ids as staff URLs carry them (base64url of the storage key), and keys back to channel addresses.</summary>
public static class ConversationIds
{
    public static string Encode(string conversationKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(conversationKey));

    public static bool TryDecode(string id, out string conversationKey)
    {
        conversationKey = string.Empty;
        if (string.IsNullOrEmpty(id) || id.Length > 512 || !Base64Url.IsValid(id))
        {
            return false;
        }

        conversationKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
        return TryParseRef(conversationKey, out _);
    }

    /// <summary>Reverses <see cref="ConversationRef.Key"/> (channel prefix, account, user).</summary>
    public static bool TryParseRef(string conversationKey, out ConversationRef conversation)
    {
        conversation = null!;
        var parts = conversationKey.Split(':', 3);
        if (parts.Length != 3 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        ChannelId? channel = parts[0] switch
        {
            "wa" => ChannelId.WhatsApp,
            "wx" => ChannelId.WeChat,
            "sms" => ChannelId.Sms,
            _ => null,
        };
        if (channel is null)
        {
            return false;
        }

        conversation = new ConversationRef(channel.Value, parts[1], parts[2]);
        return true;
    }
}
