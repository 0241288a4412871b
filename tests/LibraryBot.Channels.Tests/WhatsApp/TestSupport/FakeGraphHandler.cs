using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace LibraryBot.Channels.Tests.WhatsApp.TestSupport;

/// <summary>
/// Stands in for graph.facebook.com (which we cannot run here) and answers in Meta's wire format: the success shape with
/// a fresh wamid, or <c>{"error":{...}}</c> with a code, in the order the test queues.
/// </summary>
internal sealed class FakeGraphHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> answers = new();
    private int counter;

    public List<(Uri Uri, string? Authorization, JsonObject Body)> Requests { get; } = [];

    public FakeGraphHandler Success()
    {
        answers.Enqueue(() =>
        {
            var id = $"wamid.FAKE{Interlocked.Increment(ref counter)}";
            return Json(HttpStatusCode.OK, $$$"""{"messaging_product":"whatsapp","contacts":[{"input":"34612345678","wa_id":"34612345678"}],"messages":[{"id":"{{{id}}}"}]}""");
        });
        return this;
    }

    public FakeGraphHandler Error(int code, HttpStatusCode status = HttpStatusCode.BadRequest, string message = "Meta says no")
    {
        answers.Enqueue(() => Json(status, $$$"""{"error":{"message":"(#{{{code}}}) {{{message}}}","type":"OAuthException","code":{{{code}}},"error_data":{"messaging_product":"whatsapp","details":"details of {{{code}}}"},"fbtrace_id":"AbCdEf"}}"""));
        return this;
    }

    public FakeGraphHandler Raw(HttpStatusCode status, string body)
    {
        answers.Enqueue(() => Json(status, body));
        return this;
    }

    public FakeGraphHandler Throw()
    {
        answers.Enqueue(() => throw new HttpRequestException("Connection refused (graph.test:443)"));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString(), JsonNode.Parse(body)!.AsObject()));
        if (!answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException("The test did not expect another request to the Graph API.");
        }

        return answer();
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
