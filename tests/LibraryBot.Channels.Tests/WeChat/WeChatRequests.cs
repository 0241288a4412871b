using System.Text;
using LibraryBot.Channels.WeChat;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>Builds deliveries the way Tencent does (signed query, plain or encrypted XML body).</summary>
internal static class WeChatRequests
{
    public const string Timestamp = "1700000000";
    public const string Nonce = "987654321";

    public static string TextXml(string openId, string content, long msgId, string account = "gh_10f6c3c3ac5a") =>
        $"<xml><ToUserName><![CDATA[{account}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";

    public static Task<HttpResponseMessage> PostPlainAsync(WeChatTestHost host, string body, string token = WeChatVectors.C1Token, string? signature = null)
    {
        signature ??= WeChatSignature.Compute(token, Timestamp, Nonce);
        return PostAsync(host, $"signature={signature}&timestamp={Timestamp}&nonce={Nonce}&openid=o1", body);
    }

    public static Task<HttpResponseMessage> PostSafeAsync(WeChatTestHost host, string xml, string key = WeChatVectors.C1Key, string token = WeChatVectors.C1Token, string? msgSignature = null)
    {
        var encrypted = new WeChatCipher(key, WeChatVectors.C1AppId).Encrypt(xml);
        return PostEncryptedAsync(host, encrypted, token, msgSignature);
    }

    public static Task<HttpResponseMessage> PostEncryptedAsync(WeChatTestHost host, string encrypted, string token = WeChatVectors.C1Token, string? msgSignature = null)
    {
        msgSignature ??= WeChatSignature.Compute(token, Timestamp, Nonce, encrypted);
        var query = $"signature={WeChatSignature.Compute(token, Timestamp, Nonce)}&timestamp={Timestamp}&nonce={Nonce}&openid=o1&encrypt_type=aes&msg_signature={msgSignature}";
        return PostAsync(host, query, $"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>");
    }

    public static Task<HttpResponseMessage> PostAsync(WeChatTestHost host, string query, string body) =>
        host.Client.PostAsync(host.Url("/webhooks/wechat?" + query), new StringContent(body, Encoding.UTF8, "text/xml"));
}
