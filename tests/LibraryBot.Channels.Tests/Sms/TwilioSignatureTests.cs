using LibraryBot.Channels.Sms.Webhooks;

namespace LibraryBot.Channels.Tests.Sms;

/// <summary>
/// <c>X-Twilio-Signature</c> against Twilio's own published example: auth token <c>12345</c>, URL
/// <c>https://mycompany.com/myapp.php?foo=1&amp;bar=2</c> and these POST parameters sign to
/// <c>RSOYDt4T1cUTdK1PDd93/VVr8B8=</c>. Source: Twilio's request-validation examples (twilio-php docs/usage/validation.rst)
/// and the official helper libraries' tests (twilio-csharp test/Twilio.Test/Security/RequestValidatorTest.cs,
/// twilio-php tests/Twilio/Unit/Security/RequestValidatorTest.php), which also give the port variants below.
/// </summary>
public sealed class TwilioSignatureTests
{
    private const string AuthToken = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Documented = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    // Intentionally not in alphabetical order: the algorithm sorts by name.
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("From", "+14158675309"),
        new("Digits", "1234"),
        new("To", "+18005551212"),
        new("Caller", "+14158675309"),
    ];

    [Fact]
    public void Compute_WhenTwilioDocumentedExample_GivesTheDocumentedSignature() =>
        Assert.Equal(Documented, TwilioSignature.Compute(Url, Parameters, AuthToken));

    [Fact]
    public void IsValid_WhenTwilioDocumentedExample_Accepts() =>
        Assert.True(TwilioSignature.IsValid(Url, Parameters, Documented, AuthToken));

    [Theory]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")] // signed without the port
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")] // signed with :443
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")] // signed with :80
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")] // signed with its own port
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")] // the host's case as written
    public void IsValid_WhenTwilioSignedTheUrlWithOrWithoutAPort_Accepts(string url, string signature) =>
        Assert.True(TwilioSignature.IsValid(url, Parameters, signature, AuthToken));

    [Theory]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&baz=3")]
    [InlineData("https://mycompany.com/myapp.php?bar=2&foo=1")]
    public void IsValid_WhenTheUrlDiffers_Refuses(string url) =>
        Assert.False(TwilioSignature.IsValid(url, Parameters, Documented, AuthToken));

    [Fact]
    public void IsValid_WhenAParameterIsChangedAddedOrMissing_Refuses()
    {
        Assert.False(TwilioSignature.IsValid(Url, [.. Parameters.Where(p => p.Key != "Digits"), new("Digits", "9999")], Documented, AuthToken));
        Assert.False(TwilioSignature.IsValid(Url, [.. Parameters, new("Body", "")], Documented, AuthToken));
        Assert.False(TwilioSignature.IsValid(Url, Parameters[1..], Documented, AuthToken));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B9=")]
    public void IsValid_WhenTheHeaderIsMissingOrWrong_Refuses(string? header) =>
        Assert.False(TwilioSignature.IsValid(Url, Parameters, header, AuthToken));

    [Fact]
    public void IsValid_WhenTheAuthTokenDiffers_Refuses() =>
        Assert.False(TwilioSignature.IsValid(Url, Parameters, Documented, "54321"));

    [Fact]
    public void Compute_WhenANameRepeats_SignsEachValueSortedAfterTheName()
    {
        KeyValuePair<string, string>[] repeated = [new("MediaUrl", "b"), new("To", "+1"), new("MediaUrl", "a")];
        KeyValuePair<string, string>[] reordered = [new("To", "+1"), new("MediaUrl", "a"), new("MediaUrl", "b")];
        Assert.Equal(TwilioSignature.Compute("https://x.test/sms", reordered, AuthToken), TwilioSignature.Compute("https://x.test/sms", repeated, AuthToken));
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(
            "12345"u8, System.Text.Encoding.UTF8.GetBytes("https://x.test/smsMediaUrlaMediaUrlbTo+1")));
        Assert.Equal(expected, TwilioSignature.Compute("https://x.test/sms", repeated, AuthToken));
    }
}
