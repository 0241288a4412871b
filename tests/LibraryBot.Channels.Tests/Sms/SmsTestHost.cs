using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Sms;
using LibraryBot.Channels.Sms.Webhooks;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.Tests.Sms;

/// <summary>
/// A real web host on 127.0.0.1 (free port) with the SMS channel mapped, an in-memory sink, and (by default) the
/// sandbox on: the sender talks to the fake Twilio through the real Refit client, the fake posts signed callbacks back.
/// </summary>
internal sealed class SmsTestHost : IAsyncDisposable, ISelfBaseAddress
{
    private WebApplication? app;

    public RecordingInboundSink Sink { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; } = new();

    public IServiceProvider Services => app!.Services;

    public IChannelSender Sender => Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelId.Sms);

    public static async Task<SmsTestHost> StartAsync(IDictionary<string, string?>? configuration = null)
    {
        var host = new SmsTestHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?> { ["Sandbox:Enabled"] = "true" });
        builder.Services.AddSingleton<IInboundSink>(host.Sink);
        builder.Services.AddSingleton<ISelfBaseAddress>(host);
        builder.AddSmsChannel();
        host.app = builder.Build();
        host.app.MapSmsWebhooks();
        await host.app.StartAsync();
        var address = host.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.BaseAddress = new Uri(address + "/");
        host.Client.BaseAddress = host.BaseAddress;
        return host;
    }

    /// <summary>An envelope from the sandbox number to <paramref name="patron"/>.</summary>
    public static OutboundEnvelope Envelope(string patron, OutboundMessage message, long outboxId = 7) =>
        new(outboxId, new ConversationRef(ChannelId.Sms, SmsSandboxDefaults.From, patron), message, "en", null, 1);

    /// <summary>Posts form parameters to a webhook path, signed (unless <paramref name="signature"/> is given) for <paramref name="signedUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyList<KeyValuePair<string, string>> form, string? signature = "", string? signedUrl = null, string authToken = SmsSandboxDefaults.AuthToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new FormUrlEncodedContent(form) };
        var url = signedUrl ?? new Uri(BaseAddress, path).ToString();
        var header = signature == string.Empty ? TwilioSignature.Compute(url, form, authToken) : signature;
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, header);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Twilio's inbound SMS parameters (as its webhook sends them) from a patron to the sandbox number.</summary>
    public static List<KeyValuePair<string, string>> InboundForm(string from, string body, string sid, string to = SmsSandboxDefaults.From) =>
    [
        new("ToCountry", "US"), new("ToState", "CA"), new("SmsMessageSid", sid), new("NumMedia", "0"), new("ToCity", "ALDER BAY"),
        new("FromZip", "94110"), new("SmsSid", sid), new("FromState", "CA"), new("SmsStatus", "received"), new("FromCity", "SAN FRANCISCO"),
        new("Body", body), new("FromCountry", "US"), new("To", to), new("ToZip", "94000"), new("NumSegments", "1"),
        new("MessageSid", sid), new("AccountSid", SmsSandboxDefaults.AccountSid), new("From", from), new("ApiVersion", "2010-04-01"),
    ];

    /// <summary>A status callback as Twilio posts it.</summary>
    public static List<KeyValuePair<string, string>> StatusForm(string to, string sid, string status, string? errorCode = null)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("AccountSid", SmsSandboxDefaults.AccountSid), new("ApiVersion", "2010-04-01"), new("From", SmsSandboxDefaults.From),
            new("MessageSid", sid), new("MessageStatus", status), new("SmsSid", sid), new("SmsStatus", status), new("To", to),
        ];
        if (errorCode is not null)
        {
            form.Add(new("ErrorCode", errorCode));
        }

        return form;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
