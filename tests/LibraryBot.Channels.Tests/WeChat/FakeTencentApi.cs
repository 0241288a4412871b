using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using LibraryBot.Channels.WeChat;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.Tests.WeChat;

/// <summary>
/// An HttpMessageHandler answering like api.weixin.qq.com: stable_token issues numbered tokens, other calls
/// answer 40001 unless the token is the current one, then whatever <see cref="Respond"/> says.
/// </summary>
internal sealed class FakeTencentApi : HttpMessageHandler, IHttpClientFactory
{
    private readonly TaskCompletionSource allStale = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int issued;
    private int staleCalls;

    public int TokenCalls => issued;

    public string? CurrentToken { get; set; }

    public ConcurrentQueue<(string Path, string? Token, string Body)> Calls { get; } = new();

    public Func<string, string, (HttpStatusCode Status, string Json)> Respond { get; set; } = (_, _) => (HttpStatusCode.OK, """{"errcode":0,"errmsg":"ok"}""");

    /// <summary>When set, answers to calls with a stale token are held until this many have arrived (they then overlap).</summary>
    public int HoldStaleAnswersUntil { get; set; }

    /// <summary>When set, stable_token refuses with this errcode (e.g. 40125, a wrong AppSecret).</summary>
    public int? TokenError { get; set; }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { BaseAddress = new Uri("https://api.weixin.qq.com/") };

    public (WeChatSender Sender, WeChatAccessTokenHolder Tokens) CreateSender(WeChatOptions? options = null)
    {
        options ??= new WeChatOptions { AppId = "wxapp", AppSecret = "s3cret" };
        var holder = new WeChatAccessTokenHolder(new WeChatApiFactory(this), Options.Create(options), TimeProvider.System, NullLogger<WeChatAccessTokenHolder>.Instance);
        return (new WeChatSender(holder, Options.Create(options), NullLogger<WeChatSender>.Instance), holder);
    }

    /// <summary>Invalidates the current token: the next stable_token call issues a new one.</summary>
    public void Invalidate() => CurrentToken = null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var token = HttpUtility.ParseQueryString(request.RequestUri.Query)["access_token"];
        Calls.Enqueue((path, token, body));
        await Task.Delay(20, cancellationToken);
        if (path == "/cgi-bin/stable_token")
        {
            if (TokenError is { } errCode)
            {
                return Json(request, HttpStatusCode.OK, new JsonObject { ["errcode"] = errCode, ["errmsg"] = "invalid appsecret" }.ToJsonString());
            }

            var number = Interlocked.Increment(ref issued);
            lock (this)
            {
                CurrentToken ??= $"TOKEN-{number}";
                return Json(request, HttpStatusCode.OK, new JsonObject { ["access_token"] = CurrentToken, ["expires_in"] = 7200 }.ToJsonString());
            }
        }

        if (token is null || token != CurrentToken)
        {
            if (Interlocked.Increment(ref staleCalls) >= HoldStaleAnswersUntil)
            {
                allStale.TrySetResult();
            }

            await allStale.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return Json(request, HttpStatusCode.OK, """{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}""");
        }

        var (status, json) = Respond(path, body);
        return Json(request, status, json);
    }

    private static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, string json) =>
        new(status) { RequestMessage = request, Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
