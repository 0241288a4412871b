using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// WeChat safe-mode message encryption (the official WXBizMsgCrypt scheme): AES-256-CBC with IV = the first
/// 16 key bytes, PKCS#7 padding to 32-byte blocks applied by hand, and the plaintext laid out as
/// <c>random(16) ‖ msg_len(4, big-endian) ‖ msg(UTF-8) ‖ AppID</c>.
/// </summary>
internal sealed class WeChatCipher
{
    private const int BlockSize = 32;
    private const int RandomLength = 16;

    private readonly byte[] key;
    private readonly byte[] appId;
    private readonly Action<Span<byte>> fillRandom;

    /// <param name="encodingAesKey">The 43-character EncodingAESKey from the account's settings.</param>
    /// <param name="appId">The account's AppID, appended to every plaintext and checked on decryption.</param>
    /// <param name="fillRandom">Source of the 16-byte random prefix (injectable for deterministic test vectors).</param>
    public WeChatCipher(string encodingAesKey, string appId, Action<Span<byte>>? fillRandom = null)
    {
        key = DecodeKey(encodingAesKey);
        this.appId = Encoding.UTF8.GetBytes(appId);
        this.fillRandom = fillRandom ?? RandomNumberGenerator.Fill;
    }

    /// <summary>AESKey = Base64Decode(EncodingAESKey + "="), 32 bytes.</summary>
    public static byte[] DecodeKey(string encodingAesKey)
    {
        var bytes = Convert.FromBase64String(encodingAesKey + "=");
        return bytes.Length == 32
            ? bytes
            : throw new ArgumentException("An EncodingAESKey must decode to 32 bytes (43 characters of A-Z, a-z, 0-9).", nameof(encodingAesKey));
    }

    public string Encrypt(string message)
    {
        var msg = Encoding.UTF8.GetBytes(message);
        var length = RandomLength + 4 + msg.Length + appId.Length;
        var pad = BlockSize - (length % BlockSize);
        var plain = new byte[length + pad];
        fillRandom(plain.AsSpan(0, RandomLength));
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength, 4), (uint)msg.Length);
        msg.CopyTo(plain, RandomLength + 4);
        appId.CopyTo(plain, RandomLength + 4 + msg.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Decrypts an <c>Encrypt</c> value; false when it is malformed, wrongly padded or for another AppID.</summary>
    public bool TryDecrypt(string encrypted, out string message)
    {
        message = string.Empty;
        var cipherText = new byte[encrypted.Length];
        if (!Convert.TryFromBase64String(encrypted, cipherText, out var written) || written == 0 || written % 16 != 0)
        {
            return false;
        }

        using var aes = CreateAes();
        var plain = aes.DecryptCbc(cipherText.AsSpan(0, written), key.AsSpan(0, 16), PaddingMode.None);
        var pad = plain[^1];
        if (pad is < 1 or > BlockSize || pad > plain.Length)
        {
            return false;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + 4)
        {
            return false;
        }

        var msgLength = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(RandomLength, 4));
        var rest = content[(RandomLength + 4)..];
        if (msgLength > (uint)rest.Length || !rest[(int)msgLength..].SequenceEqual(appId))
        {
            return false;
        }

        message = Encoding.UTF8.GetString(rest[..(int)msgLength]);
        return true;
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
