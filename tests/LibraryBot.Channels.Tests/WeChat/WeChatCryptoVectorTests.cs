using System.Text;
using LibraryBot.Channels.WeChat;
using static LibraryBot.Channels.Tests.WeChat.WeChatVectors;

namespace LibraryBot.Channels.Tests.WeChat;

public sealed class WeChatCryptoVectorTests
{
    [Fact]
    public void DecodeKey_WhenOfficialSampleKey_GivesDocumentedAesKey()
    {
        Assert.Equal("69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051", Convert.ToHexStringLower(WeChatCipher.DecodeKey(C1Key)));
    }

    [Fact]
    public void TryDecrypt_WhenOfficialSampleC1_GivesTextMessageForTheAppId()
    {
        Assert.True(WeChatSignature.Matches(C1MsgSignature, C1Token, C1Timestamp, C1Nonce, C1Encrypt));
        var cipher = new WeChatCipher(C1Key, C1AppId);

        Assert.True(cipher.TryDecrypt(C1Encrypt, out var xml));

        Assert.Equal(280, Encoding.UTF8.GetByteCount(xml));
        var message = WeChatXml.Parse(xml);
        Assert.Equal("oyORnuP8q7ou2gfYjqLzSIWZf0rs", message.Field("FromUserName"));
        Assert.Equal("gh_10f6c3c3ac5a", message.Field("ToUserName"));
        Assert.Equal("abcdteT", message.Field("Content"));
        Assert.Equal("6054768590064713728", message.Field("MsgId"));
    }

    [Fact]
    public void TryDecrypt_WhenAnotherAppId_Fails()
    {
        Assert.False(new WeChatCipher(C1Key, C2AppId).TryDecrypt(C1Encrypt, out _));
    }

    [Fact]
    public void Compute_WhenC1PlainMode_MatchesDocumentedSignature()
    {
        Assert.Equal(C1PlainSignature, WeChatSignature.Compute(C1Token, C1Timestamp, C1Nonce));
    }

    [Fact]
    public void Encrypt_WhenC2FixedRandom_GivesOfficialCiphertextAndSignature()
    {
        var cipher = new WeChatCipher(C1Key, C2AppId, FixedRandom(C2Random));

        var encrypted = cipher.Encrypt(C2Plain);

        Assert.Equal(C2Encrypt, encrypted);
        Assert.Equal(C2MsgSignature, WeChatSignature.Compute("pamtest", "1409304348", "xxxxxx", encrypted));
    }

    [Fact]
    public void Encrypt_WhenC2VideoReplyWithChineseOpenId_MatchesOfficialPrefix()
    {
        const string xml = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
        var cipher = new WeChatCipher(C1Key, C2AppId, FixedRandom(C2Random));

        var encrypted = cipher.Encrypt(xml);

        Assert.StartsWith("jn1L23DB+6ELqJ+6bruv23M2GmYf", encrypted, StringComparison.Ordinal);
        Assert.True(cipher.TryDecrypt(encrypted, out var back));
        Assert.Equal(xml, back);
    }

    [Fact]
    public void TryDecrypt_WhenC3JsonPayload_GivesDocumentedMessage()
    {
        Assert.True(WeChatSignature.Matches("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", C3Token, "1714112445", "415670741", C3Encrypt));
        Assert.True(new WeChatCipher(C3Key, C3AppId).TryDecrypt(C3Encrypt, out var json));
        Assert.Equal(167, Encoding.UTF8.GetByteCount(json));
        Assert.Contains("\"debug_str\":\"hello world\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_WhenC3Reply_GivesDocumentedCiphertextAndMsgSignature()
    {
        var encrypted = new WeChatCipher(C3Key, C3AppId, FixedRandom("707722b803182950")).Encrypt("{\"demo_resp\":\"good luck\"}");

        Assert.Equal(C3ReplyEncrypt, encrypted);
        Assert.Equal("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1", WeChatSignature.Compute(C3Token, "1713424427", "415670741", encrypted));
    }

    [Fact]
    public void Compute_WhenC3UrlVerificationAndPlainPost_MatchDocumentedSignatures()
    {
        Assert.Equal("f464b24fc39322e44b38aa78f5edd27bd1441696", WeChatSignature.Compute(C3Token, "1714036504", "1514711492"));
        Assert.Equal("899cf89e464efb63f54ddac96b0a0a235f53aa78", WeChatSignature.Compute(C3Token, "1714037059", "486452656"));
        Assert.Equal("6c5c811b55cc85e0e1b54100749188c20beb3f5d", WeChatSignature.Compute(C3Token, "1714112445", "415670741"));
    }

    [Fact]
    public void Compute_WhenC4MixedCase_SortsOrdinallyNotByCulture()
    {
        var signature = WeChatSignature.Compute("wxToken", "1700000000", "123456", "WZexample+/=");

        Assert.Equal("1ae82b75427be2ccbe590a659283e97d5c543865", signature);
        Assert.NotEqual("491d63e12a55f74d1a082a323e1d6184f33a0ba0", signature);
    }

    [Fact]
    public void Matches_WhenSignatureDiffersOrIsMissing_ReturnsFalse()
    {
        Assert.True(WeChatSignature.Matches(C1PlainSignature.ToUpperInvariant(), C1Token, C1Timestamp, C1Nonce));
        Assert.False(WeChatSignature.Matches(C1PlainSignature, "other", C1Timestamp, C1Nonce));
        Assert.False(WeChatSignature.Matches(null, C1Token, C1Timestamp, C1Nonce));
        Assert.False(WeChatSignature.Matches(C1PlainSignature[..39], C1Token, C1Timestamp, C1Nonce));
    }

    [Fact]
    public void TryDecrypt_WhenRotatedKey_KeyRingFallsBackToPreviousKey()
    {
        var options = new WeChatOptions { AppId = C1AppId, EncodingAESKey = C3Key, PreviousEncodingAESKey = C1Key };

        var ring = new WeChatKeyRing(options);

        var cipher = ring.TryDecrypt(C1Encrypt, out var xml);

        Assert.NotNull(cipher);
        Assert.NotSame(ring.Current, cipher);
        Assert.Contains("abcdteT", xml, StringComparison.Ordinal);
        Assert.Null(new WeChatKeyRing(new WeChatOptions { AppId = C1AppId, EncodingAESKey = C3Key }).TryDecrypt(C1Encrypt, out _));
    }
}
