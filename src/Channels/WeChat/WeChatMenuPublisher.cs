using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// Once the server has started, pushes the configured menu with <c>menu/create</c> when it differs from what
/// <c>menu/get</c> reports. Comparing with the live menu (rather than a hash in a local file) also repairs edits
/// made in the WeChat console or by another deployment, and needs no state on disk. An empty Menu is left alone.
/// </summary>
internal sealed class WeChatMenuPublisher(
    WeChatAccessTokenHolder tokens,
    IOptions<WeChatOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<WeChatMenuPublisher> logger) : BackgroundService
{
    private const int Attempts = 3;
    private const int NoMenu = 46003;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Menu.Count == 0 || !await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await PublishIfChangedAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                WeChatLog.MenuFailed(logger, $"attempt {attempt}: {ex.GetType().Name}: {ex.Message}");
                await Task.Delay(TimeSpan.FromSeconds(10 * attempt), time, stoppingToken);
            }
        }
    }

    /// <summary>True when the menu was pushed; throws when WeChat refuses it.</summary>
    public async Task<bool> PublishIfChangedAsync(CancellationToken cancellationToken)
    {
        var wanted = WeChatMenuJson.Create(options.Value.Menu);
        var current = await tokens.CallAsync((api, token, ct) => api.GetMenuAsync(token, ct), cancellationToken);
        if (current.ErrCode is not (0 or NoMenu))
        {
            throw new WeChatApiException(current.ErrCode, current.ErrMsg);
        }

        if (current.ErrCode == 0 && WeChatMenuJson.Canonical(current.Menu?["button"] as JsonArray)
            == WeChatMenuJson.Canonical(wanted["button"] as JsonArray))
        {
            WeChatLog.MenuUnchanged(logger);
            return false;
        }

        var created = await tokens.CallAsync((api, token, ct) => api.CreateMenuAsync(token, WeChatJson.Content(wanted), ct), cancellationToken);
        if (created.ErrCode != 0)
        {
            throw new WeChatApiException(created.ErrCode, created.ErrMsg);
        }

        WeChatLog.MenuPushed(logger);
        return true;
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
