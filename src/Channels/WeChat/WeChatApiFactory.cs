using Refit;

namespace LibraryBot.Channels.WeChat;

/// <summary>Creates the Refit client on a pooled <see cref="HttpClient"/> of the named client (base address, resilience).</summary>
internal sealed class WeChatApiFactory(IHttpClientFactory httpClients)
{
    public const string ClientName = "WeChatApi";

    public IWeChatApi Create() => RestService.For<IWeChatApi>(httpClients.CreateClient(ClientName), WeChatJson.RefitSettings);
}
