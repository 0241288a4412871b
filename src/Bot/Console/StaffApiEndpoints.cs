using System.Security.Claims;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Console;

/// <summary>The staff API under <c>/api/staff</c>: sign-in, presence, the queue; conversation actions are in <see cref="ConversationEndpoints"/>.</summary>
public static class StaffApiEndpoints
{
    public const string Prefix = "/api/staff";
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithTags("Staff").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapPost("/login", LoginAsync).AllowAnonymous();
        api.MapPost("/logout", () => Results.SignOut(authenticationSchemes: [StaffAuthentication.CookieScheme])).RequireAuthorization(StaffRole.AnyPolicy);
        api.MapGet("/me", MeAsync).RequireAuthorization(StaffRole.AnyPolicy);
        api.MapPost("/presence", PresenceAsync).RequireAuthorization(StaffRole.AnswerPolicy);
        api.MapGet("/colleagues", ColleaguesAsync).RequireAuthorization(StaffRole.AnswerPolicy);
        api.MapPost("/accounts", CreateAccountAsync).RequireAuthorization(StaffRole.AdminPolicy);
        api.MapGet("/queue", (ConversationViews views, CancellationToken ct) => views.QueueAsync(ct)).RequireAuthorization(StaffRole.AnyPolicy);
        api.MapConversationActions();
        return api;
    }

    /// <summary>The signed-in staff member as stored now (null when the account no longer exists).</summary>
    public static Task<StaffAccount?> CurrentAsync(ClaimsPrincipal user, IStaffStore store, CancellationToken cancellationToken) =>
        user.Identity?.Name is { } name ? store.FindAsync(name, cancellationToken) : Task.FromResult<StaffAccount?>(null);

    private static async Task<IResult> LoginAsync(LoginRequest request, bool? useCookies, StaffAccounts accounts, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password) || request.Username.Length > 100 || request.Password.Length > 200)
        {
            return Results.Unauthorized();
        }

        var account = await accounts.SignInAsync(request.Username.Trim(), request.Password, cancellationToken);
        if (account is null)
        {
            HandoffLog.SignInRefused(loggers.CreateLogger(typeof(StaffApiEndpoints).FullName!), LogIds.Hash(request.Username));
            return Results.Unauthorized();
        }

        var scheme = useCookies == true ? StaffAuthentication.CookieScheme : StaffAuthentication.BearerScheme;
        return Results.SignIn(StaffAuthentication.Principal(account, scheme), new AuthenticationProperties(), scheme);
    }

    private static async Task<Results<Ok<StaffView>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal user, IStaffStore store, CancellationToken cancellationToken) =>
        await CurrentAsync(user, store, cancellationToken) is { } me
            ? TypedResults.Ok(new StaffView(me.Username, me.DisplayName, me.Role, me.Available))
            : TypedResults.Unauthorized();

    private static async Task<Results<Ok<StaffView>, UnauthorizedHttpResult>> PresenceAsync(PresenceRequest request, ClaimsPrincipal user, IStaffStore store, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(user, store, cancellationToken) is not { } me)
        {
            return TypedResults.Unauthorized();
        }

        await store.SetAvailableAsync(me.Username, request.Available, cancellationToken);
        return TypedResults.Ok(new StaffView(me.Username, me.DisplayName, me.Role, request.Available));
    }

    private static async Task<IResult> CreateAccountAsync(NewStaffRequest request, StaffAccounts accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || request.Username.Length > 100 || !StaffRole.All.Contains(request.Role)
            || string.IsNullOrEmpty(request.Password) || request.Password.Length is < 10 or > 200)
        {
            return Results.Problem("Give a username (up to 100 characters), a role (librarian, outreach or admin) and a password of 10 to 200 characters.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var created = await accounts.CreateAsync(request.Username.Trim(), string.IsNullOrWhiteSpace(request.DisplayName) ? request.Username.Trim() : request.DisplayName.Trim(),
            request.Role, request.Password, cancellationToken);
        return created
            ? Results.Created($"{Prefix}/accounts/{Uri.EscapeDataString(request.Username.Trim())}", new StaffView(request.Username.Trim(), request.DisplayName ?? request.Username, request.Role, false))
            : Results.Conflict();
    }

    private static async Task<IReadOnlyList<StaffView>> ColleaguesAsync(IStaffStore store, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Where(a => a.Role != StaffRole.Outreach).Select(a => new StaffView(a.Username, a.DisplayName, a.Role, a.Available))];
}
