using Refit;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// The Tencent official-account API calls we use. Request bodies are passed as ready JSON content
/// (<see cref="WeChatJson.Content"/>) so they are sent as real UTF-8 without <c>\u</c> escapes.
/// </summary>
internal interface IWeChatApi
{
    [Post("/cgi-bin/stable_token")]
    Task<WeChatTokenResponse> GetStableTokenAsync([Body] HttpContent request, CancellationToken cancellationToken);

    [Post("/cgi-bin/message/custom/send")]
    Task<WeChatApiResult> SendCustomMessageAsync([AliasAs("access_token")] string accessToken, [Body] HttpContent message, CancellationToken cancellationToken);

    [Post("/cgi-bin/message/template/send")]
    Task<WeChatApiResult> SendTemplateMessageAsync([AliasAs("access_token")] string accessToken, [Body] HttpContent message, CancellationToken cancellationToken);

    /// <summary>Mass send by OpenID list (<c>touser</c>: 2–10,000 OpenIDs). Answers <c>msg_id</c> (and <c>msg_data_id</c>).</summary>
    [Post("/cgi-bin/message/mass/send")]
    Task<WeChatMassSendResponse> MassSendAsync([AliasAs("access_token")] string accessToken, [Body] HttpContent message, CancellationToken cancellationToken);

    [Post("/cgi-bin/menu/create")]
    Task<WeChatApiResult> CreateMenuAsync([AliasAs("access_token")] string accessToken, [Body] HttpContent menu, CancellationToken cancellationToken);

    [Get("/cgi-bin/menu/get")]
    Task<WeChatMenuResponse> GetMenuAsync([AliasAs("access_token")] string accessToken, CancellationToken cancellationToken);
}
