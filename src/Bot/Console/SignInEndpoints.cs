using System.Globalization;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Console;

/// <summary>
/// <c>POST /api/staff/login</c> and <c>/logout</c>. Wrong credentials get 401 "Wrong username or password"; too many
/// failures for a username or from an address get 429 with <c>Retry-After</c> and when to retry (<see cref="SignInThrottle"/>);
/// a disabled account gets 403. A librarian or admin who signs in during staffed hours is set to available
/// (<c>Handoff:AvailableOnSignIn</c>); signing out sets them away.
/// </summary>
public static class SignInEndpoints
{
    public const string WrongCredentials = "Wrong username or password.";
    public const string AccountDisabled = "This account is disabled. Ask an admin to enable it.";
    private const int MaxUsernameLength = 100;

    public static void MapSignIn(this RouteGroupBuilder api)
    {
        api.MapPost("/login", SignInAsync).AllowAnonymous()
            .WithSummary("Sign in: a bearer token, or with ?useCookies=true the console's cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/logout", SignOutAsync).RequireAuthorization(StaffRole.AnyPolicy).WithSummary("Sign out (you are set away).");
    }

    private static async Task<IResult> SignInAsync(
        LoginRequest request,
        bool? useCookies,
        HttpContext http,
        StaffAccounts accounts,
        StaffActions actions,
        SignInThrottle throttle,
        HandoffAvailability availability,
        LibraryTime time,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var username = request.Username?.Trim() ?? string.Empty;
        var password = request.Password ?? string.Empty;
        if (username.Length is 0 or > MaxUsernameLength || password.Length is 0 or > StaffAccountRules.MaxPasswordLength)
        {
            return Refused(StatusCodes.Status401Unauthorized, WrongCredentials);
        }

        var logger = loggers.CreateLogger(typeof(SignInEndpoints).FullName!);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var now = clock.GetUtcNow();
        if (throttle.BlockedUntil(username, address) is { } until)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds));
            HandoffLog.SignInThrottled(logger, StaffLogIds.User(username), StaffLogIds.Address(address), seconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(
                title: "Too many failed sign-ins",
                detail: $"Too many failed sign-ins. Try again in {Duration(seconds)} (at {time.Format(until)}).",
                statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds, ["retryAt"] = until });
        }

        var account = await accounts.SignInAsync(username, password, cancellationToken);
        if (account is null)
        {
            throttle.RecordFailure(username, address);
            HandoffLog.SignInRefused(logger, StaffLogIds.User(username), StaffLogIds.Address(address));
            return Refused(StatusCodes.Status401Unauthorized, WrongCredentials);
        }

        throttle.RecordSuccess(username, address);
        if (account.Disabled)
        {
            return Refused(StatusCodes.Status403Forbidden, AccountDisabled);
        }

        var available = account.Available;
        if (!available && availability.AvailableOnSignIn(account, now))
        {
            await actions.Staff.SetAvailableAsync(account.Username, true, cancellationToken);
            available = true;
        }

        await actions.AuditAsync(account, "signin", null, cancellationToken);
        HandoffLog.SignedIn(logger, StaffLogIds.User(account.Username), account.Role, available ? "available" : "away");
        var scheme = useCookies == true ? StaffAuthentication.CookieScheme : StaffAuthentication.BearerScheme;
        return Results.SignIn(StaffAuthentication.Principal(account, scheme), new AuthenticationProperties(), scheme);
    }

    private static async Task<IResult> SignOutAsync(System.Security.Claims.ClaimsPrincipal user, StaffActions actions, CancellationToken cancellationToken)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, actions.Staff, cancellationToken) is { } me)
        {
            await actions.Staff.SetAvailableAsync(me.Username, false, cancellationToken);
            await actions.AuditAsync(me, "signout", null, cancellationToken);
        }

        return Results.SignOut(authenticationSchemes: [StaffAuthentication.CookieScheme]);
    }

    private static IResult Refused(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    private static string Duration(int seconds)
    {
        if (seconds < 60)
        {
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }

        var minutes = (int)Math.Ceiling(seconds / 60.0);
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
