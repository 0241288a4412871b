using System.Security.Claims;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Authentication;

namespace LibraryBot.Bot.Console;

/// <summary>
/// Reads the signed-in staff member's account on each request, so a cookie or token issued before a change follows it:
/// a disabled or deleted account is signed out (the request is unauthenticated: 401), a changed role or display name applies at once.
/// </summary>
public sealed class StaffClaimsRefresher(IStaffStore store) : IClaimsTransformation
{
    private const string CheckedClaim = "staff_checked";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true, Name: { } username, AuthenticationType: { } scheme } || principal.HasClaim(c => c.Type == CheckedClaim))
        {
            return principal;
        }

        var account = await store.FindAsync(username, CancellationToken.None).ConfigureAwait(false);
        if (account is null || account.Disabled)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var fresh = StaffAuthentication.Principal(account, scheme);
        ((ClaimsIdentity)fresh.Identity!).AddClaim(new Claim(CheckedClaim, "true"));
        return fresh;
    }
}
