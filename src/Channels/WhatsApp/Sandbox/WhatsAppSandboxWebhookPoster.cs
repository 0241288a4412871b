using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.WhatsApp.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>
/// Posts sandbox webhooks, signed with the app secret, to this server's own <c>/webhooks/whatsapp</c> over HTTP, so the
/// real webhook path runs: simulated patron messages at once, delivery receipts in the background.
/// </summary>
internal sealed class WhatsAppSandboxWebhookPoster(
    IHttpClientFactory httpClients, IServiceProvider services, WhatsAppSettings settings, TimeProvider time,
    ILogger<WhatsAppSandboxWebhookPoster> logger) : BackgroundService
{
    public const string HttpClientName = "LibraryBot.WhatsApp.Sandbox";

    private static readonly TimeSpan ReceiptDelay = TimeSpan.FromMilliseconds(300);

    private readonly Channel<JsonObject> receipts = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Queues the signed receipts for a message the fake Graph API accepted: sent, delivered and read; or, when
    /// <paramref name="failure"/> is given, one <c>failed</c> status with its error, as Meta reports asynchronously.
    /// </summary>
    public void QueueReceipts(string messageId, string recipient, WhatsAppSandboxFailure? failure)
    {
        if (failure is not null)
        {
            receipts.Writer.TryWrite(WhatsAppWebhookBuilder.FailedStatus(settings.PhoneNumberId, messageId, recipient, failure.Code, failure.Title, failure.Details, time.GetUtcNow()));
            return;
        }

        foreach (var status in new[] { "sent", "delivered", "read" })
        {
            receipts.Writer.TryWrite(WhatsAppWebhookBuilder.Status(settings.PhoneNumberId, messageId, recipient, status, time.GetUtcNow()));
        }
    }

    /// <summary>Signs and posts one webhook now; returns the HTTP status our webhook answered and its body.</summary>
    public async Task<(int Status, string Answer)> PostAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString());
        var self = services.GetRequiredService<ISelfBaseAddress>().BaseAddress;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self, WhatsAppWebhookEndpoints.Path))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WhatsAppSignature.HeaderName, WhatsAppSignature.Compute(body, settings.AppSecret));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var receipt in receipts.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Task.Delay(ReceiptDelay, time, stoppingToken);
                await PostAsync(receipt, stoppingToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                WhatsAppLog.SandboxWebhookFailed(logger, e);
            }
        }
    }
}
