using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Tests.Understanding;

/// <summary>
/// A stand-in for an OpenAI-compatible endpoint (we cannot reach one here): POST /v1/chat/completions with a bearer key,
/// answered in OpenAI's wire format with the content a test sets, after a delay a test sets. Keeps every request body.
/// </summary>
public sealed class FakeChatCompletions : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeChatCompletions(WebApplication app) => _app = app;

    public List<JsonNode> Requests { get; } = [];

    public string Content { get; set; } = "{}";

    public TimeSpan Delay { get; set; }

    public Uri Endpoint => new(_app.Urls.First() + "/v1");

    public static async Task<FakeChatCompletions> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeChatCompletions(app);
        app.MapPost("/v1/chat/completions", async (HttpRequest request, CancellationToken ct) =>
        {
            if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "missing key", ["type"] = "invalid_request_error" } }, statusCode: 401);
            }

            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            lock (fake.Requests)
            {
                fake.Requests.Add(body!);
            }

            await Task.Delay(fake.Delay, ct);
            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion",
                ["created"] = 1764000000,
                ["model"] = (string?)body!["model"],
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = fake.Content },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
            });
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
