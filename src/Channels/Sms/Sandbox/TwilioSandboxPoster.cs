using System.Threading.Channels;
using LibraryBot.Channels.Sms.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.Sms.Sandbox;

/// <summary>
/// Posts what the fake Twilio sends to this server's own SMS webhooks over HTTP, form-encoded and signed with the
/// auth token by the real algorithm, so the real webhooks run and verify them: simulated patron texts at once, status
/// callbacks (<c>sent</c>, then <c>delivered</c>) in the background. A callback is signed with the StatusCallback URL as
/// the sender gave it (the public one, when <c>Channels:Sms:WebhookBaseUrl</c> is set) and delivered to the same path on
/// this server; a StatusCallback that is not this server's status webhook gets nothing (no requests elsewhere).
/// </summary>
internal sealed class TwilioSandboxPoster(IHttpClientFactory httpClients, SmsSettings settings, TimeProvider time, ILogger<TwilioSandboxPoster> logger)
    : BackgroundService
{
    public const string HttpClientName = "LibraryBot.Sms.Sandbox";

    private static readonly TimeSpan CallbackDelay = TimeSpan.FromMilliseconds(300);

    private readonly Channel<(string SignedUrl, string Path, List<KeyValuePair<string, string>> Form)> callbacks =
        Channel.CreateUnbounded<(string, string, List<KeyValuePair<string, string>>)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Signs and posts a patron's text to <c>/webhooks/sms</c> now; returns our webhook's HTTP status and body.</summary>
    public Task<(int Status, string Answer)> PostInboundAsync(List<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        PostAsync((settings.WebhookBaseUrl ?? settings.Self) + SmsWebhookEndpoints.Path, SmsWebhookEndpoints.Path, form, cancellationToken);

    /// <summary>Queues signed <c>sent</c> and <c>delivered</c> callbacks for a message the fake accepted.</summary>
    public void QueueStatusCallbacks(string? statusCallback, TwilioSandboxRecord record, string? messagingServiceSid)
    {
        if (string.IsNullOrEmpty(statusCallback))
        {
            return;
        }

        // Only this server's status webhook, under its public or its own address, gets callbacks (no requests elsewhere).
        var query = new[] { settings.WebhookBaseUrl, settings.Self }
            .Where(b => b is not null)
            .Select(b => b + SmsWebhookEndpoints.StatusPath)
            .Where(prefix => statusCallback.StartsWith(prefix, StringComparison.Ordinal)
                && (statusCallback.Length == prefix.Length || statusCallback[prefix.Length] == '?'))
            .Select(prefix => statusCallback[prefix.Length..])
            .FirstOrDefault();
        if (query is null)
        {
            SmsLog.SandboxCallbackElsewhere(logger);
            return;
        }

        foreach (var status in new[] { "sent", "delivered" })
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("AccountSid", settings.AccountSid),
                new("ApiVersion", "2010-04-01"),
                new("From", record.From),
                new("MessageSid", record.Sid),
                new("MessageStatus", status),
                new("SmsSid", record.Sid),
                new("SmsStatus", status),
                new("To", record.To),
            };
            if (messagingServiceSid is not null)
            {
                form.Add(new("MessagingServiceSid", messagingServiceSid));
            }

            callbacks.Writer.TryWrite((statusCallback, SmsWebhookEndpoints.StatusPath + query, form));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (signedUrl, path, form) in callbacks.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Task.Delay(CallbackDelay, time, stoppingToken);
                await PostAsync(signedUrl, path, form, stoppingToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                SmsLog.SandboxWebhookFailed(logger, e);
            }
        }
    }

    private async Task<(int Status, string Answer)> PostAsync(string signedUrl, string pathAndQuery, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Self + pathAndQuery))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, TwilioSignature.Compute(signedUrl, form, settings.AuthToken));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
