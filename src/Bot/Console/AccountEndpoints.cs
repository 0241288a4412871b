using System.Security.Claims;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.Bot.Handoff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LibraryBot.Bot.Console;

/// <summary>
/// <c>/api/staff/accounts</c> (admins only; others get 403): list, create, disable and enable, reset a password, change
/// the role or the display name. Every call is audited (who, what, which account). The last active admin can be
/// neither disabled nor demoted (409).
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountActions(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").RequireAuthorization(StaffRole.AdminPolicy).WithTags("Staff accounts")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        accounts.MapGet("", ListAsync).WithSummary("Every staff account.").Produces<IReadOnlyList<AccountView>>();
        accounts.MapPost("", CreateAsync).WithSummary("Create an account (away, enabled).")
            .Produces<AccountView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/{username}/disable", (string username, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
                ChangeAsync(username, user, a, "account.disable", () => a.Staff.SetDisabledAsync(username, true, ct), ct))
            .WithSummary("Disable an account: it can no longer sign in, and its sessions end.").Documented();
        accounts.MapPost("/{username}/enable", (string username, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
                ChangeAsync(username, user, a, "account.enable", () => a.Staff.SetDisabledAsync(username, false, ct), ct))
            .WithSummary("Enable a disabled account.").Documented();
        accounts.MapPost("/{username}/role", (string username, RoleRequest request, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
                StaffAccountRules.RoleProblem(request.Role) is { } problem
                    ? Invalid(user, a, "account.role", username, "role", problem, ct)
                    : ChangeAsync(username, user, a, "account.role:" + request.Role, () => a.Staff.SetRoleAsync(username, request.Role!, ct), ct))
            .WithSummary("Change an account's role (librarian, outreach or admin).").Documented().ProducesValidationProblem();
        accounts.MapPost("/{username}/display-name", (string username, DisplayNameRequest request, ClaimsPrincipal user, StaffActions a, CancellationToken ct) =>
                StaffAccountRules.DisplayNameProblem(request.DisplayName) is { } problem
                    ? Invalid(user, a, "account.display-name", username, "displayName", problem, ct)
                    : ChangeAsync(username, user, a, "account.display-name", () => a.Staff.SetDisplayNameAsync(username, request.DisplayName!.Trim(), ct), ct))
            .WithSummary("Change the name patrons see.").Documented().ProducesValidationProblem();
        accounts.MapPost("/{username}/password", ResetPasswordAsync)
            .WithSummary("Set a new password (at least 10 characters).").Documented().ProducesValidationProblem();
    }

    private static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<AccountView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> ListAsync(IStaffStore store, CancellationToken ct) =>
        Results.Ok((await store.ListAsync(ct)).Select(View).ToList());

    private static async Task<IResult> CreateAsync(NewStaffRequest request, ClaimsPrincipal user, StaffActions a, StaffAccounts accounts, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, a.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        var username = request.Username?.Trim() ?? string.Empty;
        var problems = StaffAccountRules.Problems(username, request.DisplayName, request.Role, request.Password);
        if (problems.Count > 0)
        {
            await a.AuditAccountAsync(me, "account.create:Invalid", username, ct);
            return Validation(problems);
        }

        if (!await accounts.CreateAsync(username, request.DisplayName!, request.Role!, request.Password!, ct))
        {
            await a.AuditAccountAsync(me, "account.create:Taken", username, ct);
            return Results.Problem(detail: $"The username '{username}' is taken.", statusCode: StatusCodes.Status409Conflict);
        }

        await a.AuditAccountAsync(me, "account.create:" + request.Role, username, ct);
        var created = await a.Staff.FindAsync(username, ct);
        return Results.Created($"{StaffApiEndpoints.Prefix}/accounts/{Uri.EscapeDataString(username)}", View(created!));
    }

    private static async Task<IResult> ResetPasswordAsync(string username, PasswordRequest request, ClaimsPrincipal user, StaffActions a, StaffAccounts accounts, CancellationToken ct)
    {
        if (StaffAccountRules.PasswordProblem(request.Password) is { } problem)
        {
            return await Invalid(user, a, "account.password", username, "password", problem, ct);
        }

        return await ChangeAsync(username, user, a, "account.password",
            async () => await accounts.SetPasswordAsync(username, request.Password!, ct) ? StaffChange.Done : StaffChange.NotFound, ct);
    }

    /// <summary>Runs one change as the signed-in admin, audits it with its outcome, and answers with the account as it is now.</summary>
    private static async Task<IResult> ChangeAsync(string username, ClaimsPrincipal user, StaffActions a, string action, Func<Task<StaffChange>> change, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, a.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        var result = await change();
        await a.AuditAccountAsync(me, result == StaffChange.Done ? action : $"{action}:{result}", username, ct);
        return result switch
        {
            StaffChange.Done when await a.Staff.FindAsync(username, ct) is { } account => Results.Ok(View(account)),
            StaffChange.LastActiveAdmin => Results.Problem(
                detail: $"'{username}' is the last active admin: make another account admin first, so someone can still manage accounts.",
                statusCode: StatusCodes.Status409Conflict),
            _ => Results.Problem(detail: $"There is no account '{username}'.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    private static async Task<IResult> Invalid(ClaimsPrincipal user, StaffActions a, string action, string username, string field, string problem, CancellationToken ct)
    {
        if (await StaffApiEndpoints.CurrentAsync(user, a.Staff, ct) is not { } me)
        {
            return Results.Unauthorized();
        }

        await a.AuditAccountAsync(me, action + ":Invalid", username, ct);
        return Validation([new(field, problem)]);
    }

    private static IResult Validation(IReadOnlyList<KeyValuePair<string, string>> problems) =>
        Results.ValidationProblem(
            problems.ToDictionary(p => p.Key, p => new[] { p.Value }),
            detail: string.Join(" ", problems.Select(p => $"{FieldNames.Of(p.Key)} {p.Value}.")));

    private static AccountView View(StaffAccount account) =>
        new(account.Username, account.DisplayName, account.Role, account.Available, account.Disabled);
}
