using System.Net;
using System.Text;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Notices;
using LibraryBot.Channels.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Sandbox;

/// <summary>
/// The simulator page at <c>/</c> (sandbox only), its assets, the list of channels it can simulate, the branch it
/// shares a location near, and the patron-facing privacy page at <c>/privacy</c> (always).
/// </summary>
public static class SandboxEndpoints
{
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["simulator.html"] = "text/html; charset=utf-8",
        ["simulator.js"] = "text/javascript; charset=utf-8",
        ["simulator.format.js"] = "text/javascript; charset=utf-8",
        ["simulator.render.js"] = "text/javascript; charset=utf-8",
        ["simulator.list.js"] = "text/javascript; charset=utf-8",
        ["simulator.notices.js"] = "text/javascript; charset=utf-8",
        ["simulator.css"] = "text/css; charset=utf-8",
        ["simulator.chat.css"] = "text/css; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapSandboxPages(this IEndpointRouteBuilder endpoints)
    {
        var sandbox = endpoints.ServiceProvider.GetRequiredService<IOptions<SandboxOptions>>().Value;
        endpoints.MapGet("/privacy", (BotText text) => Results.Content(PrivacyPage(text), "text/html; charset=utf-8"));
        if (!sandbox.Enabled)
        {
            endpoints.MapGet("/", () => Results.Text("LibraryBot is running. The sandbox simulator is off (Sandbox:Enabled=false)."));
            return endpoints;
        }

        var services = endpoints.ServiceProvider;
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("LibraryBot.Sandbox");
            var url = services.GetRequiredService<ISelfBaseAddress>().BaseAddress.ToString();
            if (services.GetService<SandboxLibrarian>()?.NewPassword is { } password)
            {
                HandoffLog.SandboxStartedWithLibrarian(logger, url, SandboxLibrarian.Username, password);
            }
            else
            {
                BotLog.SandboxUrl(logger, url);
            }
        });
        endpoints.MapGet("/", () => Asset("simulator.html"));
        endpoints.MapGet("/sandbox/assets/{name}", (string name) => Assets.ContainsKey(name) ? Asset(name) : Results.NotFound());
        endpoints.MapGet("/sandbox/channels", (EndpointDataSource sources) => Results.Json(
            new[] { "whatsapp", "wechat", "sms" }.Where(channel => sources.Endpoints.OfType<RouteEndpoint>()
                .Any(e => e.RoutePattern.RawText == $"/sandbox/{channel}/simulate")).ToArray()));
        endpoints.MapGet(SandboxBranchEndpoint.Path, SandboxBranchEndpoint.FirstBranchAsync);
        if (services.GetService<NoticeRun>() is not null)
        {
            // The simulator's "Run notices now": no sign-in in the sandbox, and no quiet hours, so a newcomer sees notices
            // arrive whatever the time at the demo library.
            endpoints.MapPost("/sandbox/notices/run", async (NoticeRun run, CancellationToken ct) =>
            {
                var report = await run.RunAsync("sandbox", QuietHoursRule.Ignore, ct);
                return report.Outcome == NoticeRunReport.Busy ? Results.Conflict(report) : Results.Ok(report);
            });
        }

        return endpoints;
    }

    private static IResult Asset(string name)
    {
        var stream = typeof(SandboxEndpoints).Assembly.GetManifestResourceStream($"LibraryBot.Bot.Sandbox.{name}")
            ?? throw new InvalidOperationException($"The sandbox asset {name} is not embedded.");
        return Results.Stream(stream, Assets[name]);
    }

    private static string PrivacyPage(BotText text)
    {
        var sb = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Privacy</title>")
            .Append("<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}section{margin-bottom:2rem}</style></head><body>");
        foreach (var locale in BotLocales.All)
        {
            sb.Append("<section lang=\"").Append(locale).Append("\"><h2>").Append(WebUtility.HtmlEncode(text.Get("Privacy.Title", locale))).Append("</h2>");
            foreach (var paragraph in text.Get("Privacy.Body", locale).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
            }

            sb.Append("</section>");
        }

        return sb.Append("</body></html>").ToString();
    }
}
