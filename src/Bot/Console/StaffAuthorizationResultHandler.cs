using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace LibraryBot.Bot.Console;

/// <summary>
/// Answers 401 rather than 403 when the cookie or token is valid but its account was disabled or deleted since
/// (<see cref="StaffClaimsRefresher"/> left the request unauthenticated): the session has ended, so the console signs in again.
/// </summary>
public sealed class StaffAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        _default.HandleAsync(next, context, policy,
            authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true ? PolicyAuthorizationResult.Challenge() : authorizeResult);
}
