using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using LibraryBot.Channels.Abstractions;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WeChat.Sandbox;

/// <summary>
/// Plays Tencent's side of the webhook: builds real WeChat XML, encrypts and signs it per mode, POSTs it over
/// HTTP to this server's own <c>/webhooks/wechat</c>, and verifies and decrypts the passive reply.
/// </summary>
internal sealed class WeChatSimulator(
    IOptions<WeChatOptions> options,
    WeChatSandboxState state,
    ISelfBaseAddress self,
    IHttpClientFactory httpClients,
    TimeProvider time)
{
    public const string HttpClientName = "WeChatSandbox";

    /// <summary>The FromUserName of MASSSENDJOBFINISH events: the account's mass-send assistant.</summary>
    public const string MassSendHelper = "mphelper";

    public async Task<WeChatSimulationResult> SimulateAsync(WeChatSimulation simulation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var fields = new List<(string Name, object Value)>
        {
            ("ToUserName", WeChatSandboxDefaults.AccountId),
            ("FromUserName", simulation.OpenId),
            ("CreateTime", now),
        };
        if (simulation.Event is { } name)
        {
            fields.Add(("MsgType", "event"));
            fields.Add(("Event", name));
            if (simulation.EventKey is { } key)
            {
                fields.Add(("EventKey", key));
            }

            state.Interacted(simulation.OpenId, follows: name != "unsubscribe", opensWindow: name is "subscribe" or "CLICK" or "SCAN");
        }
        else if (simulation.Latitude is { } lat && simulation.Longitude is { } lon)
        {
            fields.AddRange([("MsgType", "location"), ("Location_X", lat), ("Location_Y", lon), ("Scale", 15L), ("Label", string.Empty), ("MsgId", state.NextMsgId())]);
            state.Interacted(simulation.OpenId, follows: true, opensWindow: true);
        }
        else
        {
            fields.AddRange([("MsgType", "text"), ("Content", simulation.Text ?? string.Empty), ("MsgId", state.NextMsgId())]);
            state.Interacted(simulation.OpenId, follows: true, opensWindow: true);
        }

        return await DeliverAsync(Xml(fields), simulation.OpenId, simulation.Mode != "plain", cancellationToken);
    }

    /// <summary>The event Tencent posts after a template message was delivered (or not).</summary>
    public Task<WeChatSimulationResult> DeliverTemplateResultAsync(string openId, long msgId, string status, CancellationToken cancellationToken) =>
        DeliverAsync(Xml([
            ("ToUserName", WeChatSandboxDefaults.AccountId), ("FromUserName", openId),
            ("CreateTime", time.GetUtcNow().ToUnixTimeSeconds()), ("MsgType", "event"),
            ("Event", "TEMPLATESENDJOBFINISH"), ("MsgID", msgId), ("Status", status),
        ]), openId, safe: true, cancellationToken);

    /// <summary>
    /// The event Tencent posts when a mass send finished (from <see cref="MassSendHelper"/>, the mass-send assistant),
    /// with its counts.
    /// </summary>
    public Task<WeChatSimulationResult> DeliverMassSendResultAsync(WeChatMassSendResult result, CancellationToken cancellationToken) =>
        DeliverAsync(Xml([
            ("ToUserName", WeChatSandboxDefaults.AccountId), ("FromUserName", MassSendHelper),
            ("CreateTime", time.GetUtcNow().ToUnixTimeSeconds()), ("MsgType", "event"),
            ("Event", "MASSSENDJOBFINISH"), ("MsgID", result.MsgId), ("Status", result.Status),
            ("TotalCount", (long)result.TotalCount), ("FilterCount", (long)result.FilterCount),
            ("SentCount", (long)result.SentCount), ("ErrorCount", (long)result.ErrorCount),
        ]), MassSendHelper, safe: true, cancellationToken);

    private async Task<WeChatSimulationResult> DeliverAsync(string xml, string openId, bool safe, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var cipher = new WeChatCipher(o.EncodingAESKey, o.AppId);
        var ts = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = $"signature={WeChatSignature.Compute(o.Token, ts, nonce)}&timestamp={ts}&nonce={nonce}&openid={Uri.EscapeDataString(openId)}";
        var body = xml;
        if (safe)
        {
            var encrypted = cipher.Encrypt(xml);
            query += $"&encrypt_type=aes&msg_signature={WeChatSignature.Compute(o.Token, ts, nonce, encrypted)}";
            body = Xml([("ToUserName", WeChatSandboxDefaults.AccountId), ("Encrypt", encrypted)]);
        }

        var url = new Uri(self.BaseAddress.ToString().TrimEnd('/') + "/webhooks/wechat?" + query);
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        using var response = await httpClients.CreateClient(HttpClientName).PostAsync(url, content, cancellationToken);
        var raw = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !raw.StartsWith("<xml>", StringComparison.Ordinal))
        {
            return new WeChatSimulationResult((int)response.StatusCode, null, raw);
        }

        var reply = WeChatXml.Parse(raw);
        if (safe)
        {
            var encrypted = reply.Field("Encrypt") ?? string.Empty;
            if (!WeChatSignature.Matches(reply.Field("MsgSignature"), o.Token, reply.Field("TimeStamp") ?? string.Empty, reply.Field("Nonce") ?? string.Empty, encrypted)
                || !cipher.TryDecrypt(encrypted, out var plain))
            {
                throw new InvalidOperationException("The webhook's encrypted reply did not verify or decrypt.");
            }

            reply = WeChatXml.Parse(plain);
        }

        var articles = reply.Element("Articles")?.Elements("item")
            .Select(i => new WeChatSimulatedArticle(i.Field("Title"), i.Field("Description"), i.Field("Url"), i.Field("PicUrl"))).ToList();
        return new WeChatSimulationResult((int)response.StatusCode, new WeChatSimulatedReply(reply.Field("MsgType"), reply.Field("Content"), articles), raw);
    }

    private static string Xml(IEnumerable<(string Name, object Value)> fields)
    {
        var sb = new StringBuilder("<xml>");
        foreach (var (name, value) in fields)
        {
            _ = value switch
            {
                long n => sb.AppendNumber(name, n),
                double d => sb.Append(new XElement(name, d.ToString("0.######", CultureInfo.InvariantCulture))),
                _ => sb.AppendCData(name, value.ToString()),
            };
        }

        return sb.Append("</xml>").ToString();
    }
}
