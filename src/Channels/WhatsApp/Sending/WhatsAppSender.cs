using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>
/// Sends outbound messages through the Cloud API. Inside the 24-hour customer service window it sends free-form
/// messages; outside it (or when Meta answers 131047) a <see cref="TemplateNotification"/> goes as its explicit marketing
/// template (<see cref="TemplateNotification.Template"/>, which must be approved) or else as the template mapped to its kind,
/// and anything else is held for staff.
/// </summary>
internal sealed class WhatsAppSender(
    WhatsAppGraphClient client, WhatsAppSettings settings, WhatsAppMarketingTemplates marketing, TimeProvider time, ILogger<WhatsAppSender> logger) : IChannelSender
{
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    public ChannelId Channel => ChannelId.WhatsApp;

    public async Task<SendOutcome> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var outcome = await SendCoreAsync(envelope, cancellationToken);
        if (outcome.Kind == SendOutcomeKind.Sent)
        {
            WhatsAppLog.Sent(logger, 1, WhatsAppLog.Hash(envelope.To.UserId), envelope.OutboxId);
        }
        else
        {
            WhatsAppLog.SendNotSent(logger, WhatsAppLog.Hash(envelope.To.UserId), envelope.OutboxId, outcome.Kind.ToString(), outcome.ErrorCode, outcome.Reason);
        }

        return outcome;
    }

    private async Task<SendOutcome> SendCoreAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.To.Channel != ChannelId.WhatsApp)
        {
            return SendOutcome.Failed($"The WhatsApp sender cannot send to a {envelope.To.Channel} conversation.");
        }

        var windowOpen = envelope.LastInboundAt is { } last && time.GetUtcNow() - last < ServiceWindow;
        if (!windowOpen)
        {
            return await SendOutsideWindowAsync(envelope, cancellationToken);
        }

        IReadOnlyList<System.Text.Json.Nodes.JsonObject> bodies;
        try
        {
            bodies = WhatsAppMessageRenderer.RenderFreeForm(envelope.Message, envelope.To.UserId, envelope.Locale);
        }
        catch (WhatsAppRenderException e)
        {
            return SendOutcome.Failed(e.Message, "render");
        }

        SendOutcome outcome = SendOutcome.Failed("Nothing to send.");
        foreach (var body in bodies)
        {
            outcome = await client.PostAsync(body, cancellationToken);
            if (outcome.ErrorCode == WhatsAppErrorMap.ReEngagementRequired.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return await SendOutsideWindowAsync(envelope, cancellationToken);
            }

            if (outcome.Kind != SendOutcomeKind.Sent)
            {
                return outcome;
            }
        }

        return outcome;
    }

    private async Task<SendOutcome> SendOutsideWindowAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Message is not TemplateNotification notification)
        {
            return SendOutcome.Held(
                "Outside WhatsApp's 24-hour customer service window (the patron has not written in the last 24 hours) only an approved template may be sent, and this message is not a notification with a template.",
                "window");
        }

        if (notification.Template is { } named)
        {
            return await SendMarketingTemplateAsync(envelope, named, cancellationToken);
        }

        if (!settings.Templates.TryGetValue(notification.Kind, out var byLanguage) || byLanguage.Count == 0)
        {
            return SendOutcome.Held($"Outside the 24-hour window and no WhatsApp template is configured for {notification.Kind} (Channels:WhatsApp:Templates:{notification.Kind}).", "template");
        }

        var language = WhatsAppWording.PrimaryLanguage(envelope.Locale);
        var template = byLanguage.GetValueOrDefault(language) ?? byLanguage.GetValueOrDefault("en") ?? byLanguage.Values.First();
        try
        {
            var body = WhatsAppMessageRenderer.RenderTemplate(notification, template, envelope.To.UserId);
            WhatsAppLog.SwitchingToTemplate(logger, WhatsAppLog.Hash(envelope.To.UserId), envelope.OutboxId, template.Name);
            return await client.PostAsync(body, cancellationToken);
        }
        catch (WhatsAppRenderException e)
        {
            return SendOutcome.Held(e.Message, "template");
        }
    }

    private async Task<SendOutcome> SendMarketingTemplateAsync(OutboundEnvelope envelope, ExplicitTemplate named, CancellationToken cancellationToken)
    {
        if (marketing.Problem(named) is { } problem)
        {
            return SendOutcome.Held("Outside the 24-hour window: " + problem, "template");
        }

        var code = WhatsAppMarketingTemplates.LanguageCodeFor(marketing.Find(named.Name)!, envelope.Locale);
        try
        {
            var body = WhatsAppMessageRenderer.RenderExplicitTemplate(named, code, envelope.To.UserId);
            WhatsAppLog.SwitchingToTemplate(logger, WhatsAppLog.Hash(envelope.To.UserId), envelope.OutboxId, named.Name);
            return await client.PostAsync(body, cancellationToken);
        }
        catch (WhatsAppRenderException e)
        {
            return SendOutcome.Held(e.Message, "template");
        }
    }
}
