using System.Net;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.WeChat;
using static LibraryBot.Channels.Tests.WeChat.WeChatRequests;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>Our endpoint against an implementation we did not write (npm wechat-crypto).</summary>
public sealed class WeChatCrossCheckTests(NodeWeChatPeer peer) : IClassFixture<NodeWeChatPeer>, IAsyncLifetime
{
    private WeChatTestHost host = null!;

    public async ValueTask InitializeAsync() => host = await WeChatTestHost.StartAsync(WeChatTestHost.ExplicitCredentials());

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private JsonObject Keys(string op) => new()
    {
        ["op"] = op,
        ["token"] = WeChatVectors.C1Token,
        ["key"] = WeChatVectors.C1Key,
        ["appId"] = WeChatVectors.C1AppId,
    };

    [Fact]
    public async Task Receive_WhenPeerEncryptsInbound_AcceptsItAndPeerDecryptsOurReply()
    {
        Assert.SkipWhen(peer.SkipReason is not null, peer.SkipReason ?? string.Empty);
        host.Broker.Turn = (_, _, _) => Task.FromResult<OutboundMessage?>(new TextMessage("《三体》已为您续借至 12月1日 ✅"));
        var inbound = Keys("encrypt");
        inbound["message"] = TextXml("oPeer", "续借 三体", 5550001);
        inbound["timestamp"] = Timestamp;
        inbound["nonce"] = Nonce;
        var sealedByPeer = await peer.AskAsync(inbound);

        var response = await PostEncryptedAsync(host, (string)sealedByPeer["encrypt"]!, msgSignature: (string)sealedByPeer["msgSignature"]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("续借 三体", Assert.Single(host.Sink.Stored).Text);
        var envelope = WeChatXml.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var check = Keys("decrypt");
        check["encrypt"] = envelope.Field("Encrypt");
        check["timestamp"] = envelope.Field("TimeStamp");
        check["nonce"] = envelope.Field("Nonce");
        check["msgSignature"] = envelope.Field("MsgSignature");
        var opened = await peer.AskAsync(check);
        Assert.True((bool)opened["signatureOk"]!);
        Assert.Equal(WeChatVectors.C1AppId, (string?)opened["id"]);
        var reply = WeChatXml.Parse((string)opened["message"]!);
        Assert.Equal("oPeer", reply.Field("ToUserName"));
        Assert.Equal("《三体》已为您续借至 12月1日 ✅", reply.Field("Content"));
    }

    [Fact]
    public async Task Receive_WhenPeerSignatureIsForAnotherToken_Returns401AndStoresNothing()
    {
        Assert.SkipWhen(peer.SkipReason is not null, peer.SkipReason ?? string.Empty);
        var inbound = Keys("encrypt");
        inbound["token"] = "otherToken";
        inbound["message"] = TextXml("oPeer", "hi", 5550002);
        inbound["timestamp"] = Timestamp;
        inbound["nonce"] = Nonce;
        var sealedByPeer = await peer.AskAsync(inbound);

        var response = await PostEncryptedAsync(host, (string)sealedByPeer["encrypt"]!, msgSignature: (string)sealedByPeer["msgSignature"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Sink.Calls);
    }

    [Fact]
    public async Task Encrypt_WhenLongChineseMessage_PeerDecryptsIt()
    {
        Assert.SkipWhen(peer.SkipReason is not null, peer.SkipReason ?? string.Empty);
        var text = string.Concat(Enumerable.Repeat("图书馆🏛️", 40));
        var encrypted = new WeChatCipher(WeChatVectors.C1Key, WeChatVectors.C1AppId).Encrypt(text);
        var check = Keys("decrypt");
        check["encrypt"] = encrypted;
        check["timestamp"] = Timestamp;
        check["nonce"] = Nonce;
        check["msgSignature"] = WeChatSignature.Compute(WeChatVectors.C1Token, Timestamp, Nonce, encrypted);

        var opened = await peer.AskAsync(check);

        Assert.True((bool)opened["signatureOk"]!);
        Assert.Equal(text, (string?)opened["message"]);
    }
}
