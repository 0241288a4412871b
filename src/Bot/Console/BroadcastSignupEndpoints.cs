using LibraryBot.Bot.Conversations.News;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LibraryBot.Bot.Console;

/// <summary><c>GET /api/staff/broadcasts/signup-links</c>: what outreach staff print on posters to let patrons sign up for news.</summary>
public static class BroadcastSignupEndpoints
{
    public static void MapBroadcastSignup(this RouteGroupBuilder api)
    {
        api.MapGet("/broadcasts/signup-links", AllAsync).RequireAuthorization(StaffRole.OutreachPolicy).WithTags("Broadcasts")
            .WithSummary("Per news topic: its names, a WhatsApp wa.me link per language whose prefilled text signs the patron up (the bot asks them to confirm), and the WeChat QR scenes for the library and each branch (news:<topic> or news:<topic>:<branch>). Outreach and admins.");
    }

    private static async Task<Ok<IReadOnlyList<TopicSignupLinks>>> AllAsync(NewsSignupLinks links, CancellationToken cancellationToken) =>
        TypedResults.Ok(await links.AllAsync(cancellationToken));
}
