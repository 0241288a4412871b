using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.LoadBench;

/// <summary>
/// kill -9 while replies are being sent: the fake Graph API holds every send unanswered, the server is killed with
/// them in flight and started again on the same database; the figure is how long after the restart the last of them
/// (and every reply behind them) has been sent.
/// </summary>
internal sealed record CrashRecovery(int InFlight, double ReadySeconds, double SentSeconds, bool AllSent)
{
    private const string AppSecret = "librarybot-sandbox-app-secret";

    public static async Task<CrashRecovery> MeasureAsync(string root, FakeGraphApi graph, BenchSettings settings, TimeSpan max)
    {
        var work = Directory.CreateTempSubdirectory("librarybot-load-crash-");
        try
        {
            const int conversations = 32;
            int inFlight;
            await using (var doomed = await BenchServer.StartAsync(root, work.FullName, graph.BaseUrl, settings))
            {
                graph.Holding = true;
                using var http = new HttpClient { BaseAddress = new Uri(doomed.BaseUrl) };
                for (var i = 0; i < conversations; i++)
                {
                    using var response = await PostAsync(http, (34700000000 + i).ToString(CultureInfo.InvariantCulture), $"wamid.crash.{i}");
                    response.EnsureSuccessStatusCode();
                }

                // Killed well before the sender's own timeout (30 s), which would turn the sends into retries.
                var deadline = DateTime.UtcNow.AddSeconds(5);
                while (graph.Held < conversations && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                inFlight = (int)doomed.InFlightReplies();
            }

            graph.Holding = false;
            graph.ReleaseHeld();
            var restart = Stopwatch.StartNew();
            await using var restarted = await BenchServer.StartAsync(root, work.FullName, graph.BaseUrl, settings);
            var ready = restart.Elapsed.TotalSeconds;
            var sent = await restarted.WaitForDrainAsync(max);
            return new CrashRecovery(inFlight, ready, restart.Elapsed.TotalSeconds, sent);
        }
        finally
        {
            graph.Holding = false;
            work.Delete(recursive: true);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string from, string wamid)
    {
        var body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\"," +
            "\"metadata\":{\"display_phone_number\":\"15550000000\",\"phone_number_id\":\"100000000000001\"},\"contacts\":[{\"profile\":{\"name\":\"Load\"},\"wa_id\":\"" + from +
            "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) +
            "\",\"type\":\"text\",\"text\":{\"body\":\"help\"}}]}}]}]}";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(body)));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", signature);
        return http.SendAsync(request);
    }
}
