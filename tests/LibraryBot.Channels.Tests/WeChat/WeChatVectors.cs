namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>Verified vectors from docs/channels.md Part C (official WeChat samples and docs).</summary>
internal static class WeChatVectors
{
    public const string C1Token = "spamtest";
    public const string C1Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string C1AppId = "wx2c2769f8efd9abc2";
    public const string C1Timestamp = "1409735669";
    public const string C1Nonce = "1320562132";
    public const string C1MsgSignature = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
    public const string C1PlainSignature = "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a";
    public const string C1Encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

    public const string C2AppId = "wxb11529c136998cb6";
    public const string C2Random = "aaaabbbbccccdddd";
    public const string C2Plain = "我是中文abcd123";
    public const string C2Encrypt = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    public const string C2MsgSignature = "82c962d39941aa48552f90ef55aa323dc620cc10";

    public const string C3Token = "AAAAA";
    public static readonly string C3Key = new('A', 43);
    public const string C3AppId = "wxba5fad812f8e6fb9";
    public const string C3Encrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";
    public const string C3ReplyEncrypt = "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==";

    /// <summary>A fill-random function that writes a fixed ASCII prefix (the official tests' "random").</summary>
    public static Action<Span<byte>> FixedRandom(string ascii) => span => System.Text.Encoding.ASCII.GetBytes(ascii).CopyTo(span);
}
