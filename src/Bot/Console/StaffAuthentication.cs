using System.Security.Claims;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Console;

/// <summary>
/// Staff sign-in: a cookie for the console, a bearer token for API clients, chosen per request by the Authorization
/// header. Unauthenticated API calls get 401 and forbidden ones 403 (never a redirect). Each request reads the account
/// again (<see cref="StaffClaimsRefresher"/>): disabling an account or changing its role takes effect at once.
/// </summary>
public static class StaffAuthentication
{
    public const string Scheme = "Staff";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;
    public const string DisplayNameClaim = "display_name";

    public static void Add(IServiceCollection services, TimeSpan lifetime)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Staff cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "librarybot.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = lifetime;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => Status(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Status(c, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(BearerScheme, o => o.BearerTokenExpiration = lifetime);
        services.AddScoped<IClaimsTransformation, StaffClaimsRefresher>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRole.AnyPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRole.All))
            .AddPolicy(StaffRole.AnswerPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRole.Librarian, StaffRole.Admin))
            .AddPolicy(StaffRole.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRole.Admin))
            .AddPolicy(StaffRole.OutreachPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRole.Outreach, StaffRole.Admin));
    }

    public static ClaimsPrincipal Principal(StaffAccount account, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.Username),
                new Claim(ClaimTypes.Role, account.Role),
                new Claim(DisplayNameClaim, account.DisplayName),
            ],
            scheme));

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
