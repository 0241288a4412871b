using System.Text;
using LibraryBot.CatalogAdapter.Sip2;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

public sealed class Sip2ChecksumTests
{
    private const int Cases = 500;
    private static readonly string[] Alphabet = ["a", "Z", "0", " ", "é", "ß", "红", "楼", "ệ", "đ", "&", "#", "-", "/"];

    public static TheoryData<string> Encodings => new() { "UTF-8", "ISO-8859-1", "IBM850" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Encode_WhenAnyMessage_BytesPlusChecksumAreZeroModulo65536(string encodingName)
    {
        var random = new Random(20261122);
        var encoding = Sip2Encodings.Get(encodingName);
        var codec = new Sip2Codec(encoding, errorDetection: true, Sip2Terminator.CR);
        for (var i = 0; i < Cases; i++)
        {
            var frame = Frame(codec.Encode(RandomMessage(random), random.Next(10)));

            Assert.True(Sip2Checksum.IsValid(frame), encoding.GetString(frame));
            var sum = frame[..^4].Sum(b => (int)b) + Convert.ToInt32(Encoding.ASCII.GetString(frame[^4..]), 16);
            Assert.Equal(0, sum % 0x10000);
        }
    }

    [Fact]
    public void IsValid_WhenAnySingleByteIsChanged_Fails()
    {
        var random = new Random(7);
        var codec = new Sip2Codec(new UTF8Encoding(false), errorDetection: true, Sip2Terminator.CR);
        for (var i = 0; i < Cases; i++)
        {
            var frame = Frame(codec.Encode(RandomMessage(random), random.Next(10)));
            var position = random.Next(frame.Length);
            frame[position] ^= (byte)random.Next(1, 256);

            Assert.False(Sip2Checksum.IsValid(frame), $"change at {position} went unnoticed");
        }
    }

    [Fact]
    public void Decode_WhenChecksumIsWrong_ReportsInvalid()
    {
        var codec = new Sip2Codec(new UTF8Encoding(false), errorDetection: true, Sip2Terminator.CR);

        var frame = codec.Decode("941AY3AZFDFB"u8);

        Assert.False(frame.ChecksumValid);
    }

    private static Sip2Message RandomMessage(Random random)
    {
        var fields = Enumerable.Range(0, random.Next(0, 6))
            .Select(_ => ("A" + (char)('A' + random.Next(26)), (string?)RandomText(random, random.Next(0, 40))))
            .ToArray();
        return Sip2Message.Create("17", Sip2Date.Format(new DateTime(2026, 1, 1).AddMinutes(random.Next(1_000_000))), fields);
    }

    private static string RandomText(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]));

    /// <summary>The frame without its terminator, as the reader hands it over.</summary>
    private static byte[] Frame(byte[] encoded) => encoded[..^1];
}
