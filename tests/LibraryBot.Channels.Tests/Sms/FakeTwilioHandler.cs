using System.Net;
using System.Text;

namespace LibraryBot.Channels.Tests.Sms;

/// <summary>
/// Stands in for api.twilio.com (which we cannot reach here) and answers in Twilio's wire format: the message JSON with a
/// fresh SID, or Twilio's error JSON (<c>code</c>, <c>message</c>, <c>more_info</c>, <c>status</c>), in the order queued.
/// </summary>
internal sealed class FakeTwilioHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> answers = new();
    private int counter;

    public List<(Uri Uri, string? Authorization, string? ContentType, Dictionary<string, string> Form)> Requests { get; } = [];

    public FakeTwilioHandler Created(string status = "queued", int? errorCode = null)
    {
        answers.Enqueue(() =>
        {
            var sid = $"SM{Interlocked.Increment(ref counter):x32}";
            var error = errorCode is null ? "null" : errorCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Json(HttpStatusCode.Created, $$"""{"sid":"{{sid}}","status":"{{status}}","error_code":{{error}},"error_message":null,"to":"+34612345678","from":"+15557654321"}""");
        });
        return this;
    }

    public FakeTwilioHandler Error(int code, HttpStatusCode status = HttpStatusCode.BadRequest, string message = "Twilio says no to +34612345678")
    {
        answers.Enqueue(() => Json(status, $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{(int)status}}}"""));
        return this;
    }

    public FakeTwilioHandler Raw(HttpStatusCode status, string body)
    {
        answers.Enqueue(() => Json(status, body));
        return this;
    }

    public FakeTwilioHandler Throw()
    {
        answers.Enqueue(() => throw new HttpRequestException("Connection refused (api.twilio.test:443)"));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.MediaType, form));
        if (!answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException("The test did not expect another request to Twilio.");
        }

        return answer();
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
