using System.Security.Claims;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LibraryBot.Bot.Console;

/// <summary>
/// The staff API under <c>/api/staff</c>: presence, colleagues and the queue here; sign-in in <see cref="SignInEndpoints"/>,
/// accounts in <see cref="AccountEndpoints"/>, conversation actions in <see cref="ConversationEndpoints"/>.
/// </summary>
public static class StaffApiEndpoints
{
    public const string Prefix = "/api/staff";
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithTags("Staff").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapSignIn();
        api.MapGet("/me", MeAsync).RequireAuthorization(StaffRole.AnyPolicy).WithSummary("The signed-in staff member and their presence.");
        api.MapPost("/presence", PresenceAsync).RequireAuthorization(StaffRole.AnswerPolicy).WithSummary("Set yourself available (answering patrons) or away.");
        api.MapGet("/colleagues", ColleaguesAsync).RequireAuthorization(StaffRole.AnswerPolicy)
            .WithSummary("The other librarians and admins who can take a chat, with their presence (for transfer).");
        api.MapGet("/queue", (ConversationViews views, CancellationToken ct) => views.QueueAsync(ct)).RequireAuthorization(StaffRole.AnyPolicy)
            .WithSummary("Patrons waiting for or talking with a librarian, oldest request first; staffed hours in library time.");
        api.MapAccountActions();
        api.MapConversationActions();
        api.MapSmsNumber();
        api.MapNoticeActions();
        api.MapBroadcastActions();
        api.MapBroadcastSignup();
        return api;
    }

    /// <summary>The signed-in staff member as stored now (null when the account no longer exists or is disabled).</summary>
    public static async Task<StaffAccount?> CurrentAsync(ClaimsPrincipal user, IStaffStore store, CancellationToken cancellationToken) =>
        user.Identity?.Name is { } name && await store.FindAsync(name, cancellationToken) is { Disabled: false } account ? account : null;

    private static async Task<Results<Ok<StaffView>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal user, IStaffStore store, CancellationToken cancellationToken) =>
        await CurrentAsync(user, store, cancellationToken) is { } me
            ? TypedResults.Ok(new StaffView(me.Username, me.DisplayName, me.Role, me.Available))
            : TypedResults.Unauthorized();

    private static async Task<Results<Ok<StaffView>, UnauthorizedHttpResult>> PresenceAsync(PresenceRequest request, ClaimsPrincipal user, StaffActions actions, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(user, actions.Staff, cancellationToken) is not { } me)
        {
            return TypedResults.Unauthorized();
        }

        await actions.Staff.SetAvailableAsync(me.Username, request.Available, cancellationToken);
        await actions.AuditAsync(me, request.Available ? "presence:available" : "presence:away", null, cancellationToken);
        return TypedResults.Ok(new StaffView(me.Username, me.DisplayName, me.Role, request.Available));
    }

    private static async Task<Results<Ok<IReadOnlyList<StaffView>>, UnauthorizedHttpResult>> ColleaguesAsync(ClaimsPrincipal user, IStaffStore store, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(user, store, cancellationToken) is not { } me)
        {
            return TypedResults.Unauthorized();
        }

        IReadOnlyList<StaffView> colleagues = [.. (await store.ListAsync(cancellationToken))
            .Where(a => a.AnswersPatrons && !a.Disabled && !string.Equals(a.Username, me.Username, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.Available).ThenBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(a => new StaffView(a.Username, a.DisplayName, a.Role, a.Available))];
        return TypedResults.Ok(colleagues);
    }
}
