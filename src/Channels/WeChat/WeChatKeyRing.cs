namespace LibraryBot.Channels.WeChat;

/// <summary>
/// The current EncodingAESKey and, during a rotation, the previous one. Inbound messages are decrypted with
/// whichever works, and the reply is encrypted with that same key.
/// </summary>
internal sealed class WeChatKeyRing
{
    private readonly WeChatCipher[] ciphers;

    public WeChatKeyRing(WeChatOptions options, Action<Span<byte>>? fillRandom = null)
    {
        var current = new WeChatCipher(options.EncodingAESKey, options.AppId, fillRandom);
        ciphers = string.IsNullOrEmpty(options.PreviousEncodingAESKey)
            ? [current]
            : [current, new WeChatCipher(options.PreviousEncodingAESKey, options.AppId, fillRandom)];
    }

    public WeChatCipher Current => ciphers[0];

    /// <summary>Decrypts with the current key, then the previous one; returns the cipher that worked.</summary>
    public WeChatCipher? TryDecrypt(string encrypted, out string message)
    {
        foreach (var cipher in ciphers)
        {
            if (cipher.TryDecrypt(encrypted, out message))
            {
                return cipher;
            }
        }

        message = string.Empty;
        return null;
    }
}
