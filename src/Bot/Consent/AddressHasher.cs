using System.Security.Cryptography;
using System.Text;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Consent;

/// <summary>
/// The consent ledger's pseudonym for an address: HMAC-SHA256 of the conversation key with a secret key kept by the
/// store (created once at random), so the ledger alone does not reveal phone numbers or OpenIDs — a plain hash of a
/// phone number could be reversed by trying every number.
/// </summary>
public static class AddressHasher
{
    public const int KeyBytes = 32;

    public static string Hash(byte[] key, ConversationRef address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(address.Key)));

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
}
