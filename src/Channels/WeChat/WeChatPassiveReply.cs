using System.Text;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WeChat;

/// <summary>Builds passive reply XML (To and From swapped relative to the inbound message) and its safe-mode envelope.</summary>
internal static class WeChatPassiveReply
{
    public static string Render(OutboundMessage message, string toOpenId, string fromAccount, long createTime)
    {
        var sb = new StringBuilder("<xml>")
            .AppendCData("ToUserName", toOpenId)
            .AppendCData("FromUserName", fromAccount)
            .AppendNumber("CreateTime", createTime);
        if (message is RecordCard card)
        {
            var article = WeChatMessageText.Article(card);
            sb.AppendCData("MsgType", "news").AppendNumber("ArticleCount", 1).Append("<Articles><item>")
                .AppendCData("Title", article.Title)
                .AppendCData("Description", article.Description)
                .AppendCData("PicUrl", article.PicUrl)
                .AppendCData("Url", article.Url)
                .Append("</item></Articles>");
        }
        else
        {
            sb.AppendCData("MsgType", "text").AppendCData("Content", WeChatMessageText.Text(message));
        }

        return sb.Append("</xml>").ToString();
    }

    /// <summary>The safe-mode reply: Encrypt, MsgSignature over sorted [token, TimeStamp, Nonce, Encrypt], TimeStamp, Nonce.</summary>
    public static string Encrypt(string replyXml, WeChatCipher cipher, string token, long timestamp, string nonce)
    {
        var encrypted = cipher.Encrypt(replyXml);
        var ts = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new StringBuilder("<xml>")
            .AppendCData("Encrypt", encrypted)
            .AppendCData("MsgSignature", WeChatSignature.Compute(token, ts, nonce, encrypted))
            .AppendNumber("TimeStamp", timestamp)
            .AppendCData("Nonce", nonce)
            .Append("</xml>").ToString();
    }
}
