using System.Diagnostics;
using System.Diagnostics.Metrics;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using Activity = System.Diagnostics.Activity;
using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LibraryBot.Channels.Telemetry;

/// <summary>
/// The channels' instruments (meter <c>LibraryBot</c>), recorded by the webhook handlers: requests accepted or refused
/// (by reason) and the activities they stored, per channel. Each call also marks the request's webhook span.
/// </summary>
internal sealed class ChannelMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _activities;

    public ChannelMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(LibraryBotTelemetry.Name);
        _requests = meter.CreateCounter<long>("librarybot.webhook.requests", "{request}",
            "Webhook requests answered, by channel, outcome (accepted, refused) and reason.");
        _activities = meter.CreateCounter<long>("librarybot.webhook.activities", "{activity}",
            "Activities delivered by accepted webhooks, by channel and result (new, duplicate: a repeated delivery).");
    }

    /// <summary>Registers the instruments (each channel's registration calls this; repeating it changes nothing).</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ChannelMetrics>();
    }

    /// <summary>Starts the span of one webhook request (a child of the ASP.NET Core request span).</summary>
    public static Activity? StartWebhookSpan(ChannelId channel) =>
        LibraryBotTelemetry.Source.StartActivity($"webhook {ChannelTags.Of(channel)}")?.SetTag(LibraryBotTelemetry.ChannelAttribute, ChannelTags.Of(channel));

    /// <summary>The request was acknowledged; <paramref name="acceptance"/> is null when it carried nothing to store.</summary>
    public void Accepted(ChannelId channel, InboundAcceptance? acceptance, Activity? span)
    {
        var tag = ChannelTags.Of(channel);
        var reason = acceptance is null ? "nothing_to_store" : "stored";
        _requests.Add(1, new("channel", tag), new("outcome", "accepted"), new("reason", reason));
        if (acceptance is not null)
        {
            _activities.Add(acceptance.Accepted, new("channel", tag), new("result", "new"));
            _activities.Add(acceptance.Duplicates, new("channel", tag), new("result", "duplicate"));
        }

        span?.SetTag(LibraryBotTelemetry.OutcomeAttribute, reason);
    }

    /// <summary>The request was refused with an error status (one of <see cref="WebhookRefusal"/>'s reasons).</summary>
    public void Refused(ChannelId channel, string reason, Activity? span)
    {
        _requests.Add(1, new("channel", ChannelTags.Of(channel)), new("outcome", "refused"), new("reason", reason));
        span?.SetTag(LibraryBotTelemetry.OutcomeAttribute, reason).SetStatus(ActivityStatusCode.Error, reason);
    }
}
