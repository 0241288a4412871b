namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>After a few turns through signed webhooks, <c>/metrics</c> shows the named instruments with their values, and nothing personal.</summary>
public sealed class MetricsScrapeTests(MetricsServerFixture fixture) : IClassFixture<MetricsServerFixture>
{
    private static readonly (string, string) WhatsApp = ("channel", "whatsapp");

    [Fact]
    public async Task Scrape_AfterTurns_ShowsTheNamedInstrumentsWithValues()
    {
        var turns = MetricsServerFixture.Messages.Length;
        var scrape = await fixture.ScrapeUntilAsync(s =>
            s.Sum("librarybot_turn_duration_seconds_count", WhatsApp, ("activity_type", "Message"), ("outcome", "completed")) >= turns
            && s.Sum("librarybot_outbox_sent_total", WhatsApp) >= fixture.RepliesSent
            && s.Has("librarybot_inbox_depth") && s.Has("librarybot_outbox_pending"));

        Assert.True(scrape.Sum("librarybot_webhook_requests_total", WhatsApp, ("outcome", "accepted")) >= turns);
        Assert.Equal(1, scrape.Sum("librarybot_webhook_requests_total", WhatsApp, ("outcome", "refused"), ("reason", "invalid_signature")));
        Assert.True(scrape.Sum("librarybot_webhook_activities_total", WhatsApp, ("result", "new")) >= turns);
        Assert.True(scrape.Sum("librarybot_inbox_lag_seconds_count", WhatsApp) >= turns);
        Assert.True(scrape.Sum("librarybot_turn_duration_seconds_sum", WhatsApp, ("activity_type", "Message")) > 0);
        Assert.True(fixture.RepliesSent >= turns);
        Assert.True(scrape.Sum("librarybot_outbox_send_duration_seconds_count", WhatsApp, ("outcome", "sent")) >= fixture.RepliesSent);
        Assert.True(scrape.Sum("librarybot_catalogue_duration_seconds_count", ("adapter", "embedded"), ("operation", "search"), ("outcome", "ok")) >= 1);
        Assert.Equal(0, scrape.Sum("librarybot_turn_failures_total"));
        Assert.Equal(0, scrape.Sum("librarybot_outbox_failures_total"));
        Assert.True(scrape.Sum("librarybot_inbox_depth") >= 0);
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"));
    }

    [Fact]
    public async Task Scrape_AfterTurns_HoldsNoPhoneNumberNorMessageText()
    {
        var scrape = await fixture.ScrapeUntilAsync(s => s.Sum("librarybot_turn_duration_seconds_count", ("activity_type", "Message")) >= MetricsServerFixture.Messages.Length);

        Assert.DoesNotContain(MetricsServerFixture.Phone, scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(MetricsServerFixture.Phone[^7..], scrape.Text, StringComparison.Ordinal);
        foreach (var word in new[] { "moby", "close today", "forged" })
        {
            Assert.DoesNotContain(word, scrape.Text, StringComparison.OrdinalIgnoreCase);
        }

        // Every label is one of the documented, non-personal ones.
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "otel_scope_name", "otel_scope_version", "channel", "outcome", "reason", "result", "activity_type", "stage", "error_type", "status",
            "error_code", "adapter", "operation", "error_kind", "le",
            "http_request_method", "http_response_status_code", "http_route", "network_protocol_name", "network_protocol_version", "url_scheme",
            "server_address", "server_port", "error_type", "service_name", "service_version", "service_instance_id", "telemetry_sdk_name",
            "telemetry_sdk_language", "telemetry_sdk_version", "http_connection_state",
        };
        // HttpClient's connection metrics name the remote server's address (Meta's, the library system's): never a patron's.
        var unexpected = scrape.Samples
            .SelectMany(s => s.Labels.Keys.Where(k => !allowed.Contains(k) && !(k == "network_peer_address" && s.Name.StartsWith("http_client_", StringComparison.Ordinal))))
            .Distinct().ToList();
        Assert.True(unexpected.Count == 0, "Unexpected labels: " + string.Join(", ", unexpected));
    }
}
