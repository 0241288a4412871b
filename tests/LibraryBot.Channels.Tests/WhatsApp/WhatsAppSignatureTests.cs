using System.Text;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;
using LibraryBot.Channels.WhatsApp.Webhooks;

namespace LibraryBot.Channels.Tests.WhatsApp;

/// <summary>The C.5 vectors of channels.md (verified there with Node crypto and whatsapp-api-js).</summary>
public sealed class WhatsAppSignatureTests
{
    private static readonly byte[] EmptyEnvelope = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[]}""");
    private const string EmptyEnvelopeSignature = "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756";

    // ASCII bytes with literal \u escapes, as on the wire: 42 of them (channels.md says 43, but the signature it gives is over these 42).
    private static readonly byte[] EscapedWireBody = Encoding.UTF8.GetBytes("{\"text\":{\"body\":\"caf\\u00e9 \\ud83d\\udcda\"}}");
    private const string EscapedSignature = "sha256=e2d7f2b44c9b05aafc3b0222df23d24a594ddaa406bcb170fb6e703b9f3e6596";

    [Fact]
    public void Compute_WhenKnownVector_MatchesDocumentedSignature()
    {
        Assert.Equal(EmptyEnvelopeSignature, WhatsAppSignature.Compute(EmptyEnvelope, "test_app_secret"));
        Assert.Equal(EmptyEnvelopeSignature, TestHmac.Sign(EmptyEnvelope));
    }

    [Fact]
    public void IsValid_WhenKnownVector_Accepts() =>
        Assert.True(WhatsAppSignature.IsValid(EmptyEnvelope, EmptyEnvelopeSignature, "test_app_secret"));

    [Fact]
    public void IsValid_WhenHexIsUpperCase_Accepts() =>
        Assert.True(WhatsAppSignature.IsValid(EmptyEnvelope, "sha256=" + EmptyEnvelopeSignature[7..].ToUpperInvariant(), "test_app_secret"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756")]
    [InlineData("sha1=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756")]
    [InlineData("sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633757")]
    [InlineData("sha256=zzz6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756")]
    [InlineData("sha256=dec6a680")]
    public void IsValid_WhenHeaderMissingMalformedOrWrong_Rejects(string? header) =>
        Assert.False(WhatsAppSignature.IsValid(EmptyEnvelope, header, "test_app_secret"));

    [Fact]
    public void IsValid_WhenSecretDiffers_Rejects() =>
        Assert.False(WhatsAppSignature.IsValid(EmptyEnvelope, EmptyEnvelopeSignature, "another_secret"));

    [Fact]
    public void IsValid_WhenEscapedWireBody_AcceptsRawBytes()
    {
        Assert.Equal(42, EscapedWireBody.Length);
        Assert.Equal(EscapedSignature, TestHmac.Sign(EscapedWireBody));
        Assert.True(WhatsAppSignature.IsValid(EscapedWireBody, EscapedSignature, "test_app_secret"));
    }

    [Fact]
    public void IsValid_WhenBodyWasDecodedByAProxy_AcceptsTheReEscapedForm()
    {
        var decoded = Encoding.UTF8.GetBytes("{\"text\":{\"body\":\"café 📚\"}}");
        Assert.NotEqual(EscapedSignature, TestHmac.Sign(decoded));
        Assert.Equal(EscapedWireBody, WhatsAppSignature.EscapeNonAscii(decoded));
        Assert.True(WhatsAppSignature.IsValid(decoded, EscapedSignature, "test_app_secret"));
    }
}
