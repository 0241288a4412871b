using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Sms;
using LibraryBot.Channels.WeChat;
using LibraryBot.Channels.WhatsApp;
using LibraryBot.Shared;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Channels;

/// <summary>The one registration entry point of the channels project.</summary>
public static class ChannelsRegistration
{
    public static IHostApplicationBuilder AddLibraryBotChannels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SandboxOptions, SandboxOptionsValidator>(SandboxOptions.SectionName);
        builder.AddWhatsAppChannel();
        builder.AddWeChatChannel();
        builder.AddSmsChannel();
        return builder;
    }

    /// <summary>Maps every channel's webhook (and, in sandbox mode, its fake API) on the host.</summary>
    public static IEndpointRouteBuilder MapChannelWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWhatsAppWebhooks();
        endpoints.MapWeChatWebhooks();
        endpoints.MapSmsWebhooks();
        return endpoints;
    }
}
