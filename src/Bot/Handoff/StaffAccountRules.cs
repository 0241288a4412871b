using System.Text.RegularExpressions;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// What a staff account must look like, checked the same way by the staff API, the create-staff command and the
/// settings validator. Each check returns null when the value is fine, else the problem (to follow the field's name).
/// </summary>
public static partial class StaffAccountRules
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;
    public const int MaxDisplayNameLength = 80;

    public static string? UsernameProblem(string? username) =>
        username is not null && UsernamePattern().IsMatch(username) ? null
            : "must be 2 to 64 letters, digits or . _ - @ (no spaces), starting with a letter or digit";

    public static string? DisplayNameProblem(string? displayName)
    {
        var trimmed = displayName?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return "is required (patrons see it when this person answers them)";
        }

        if (trimmed.Length > MaxDisplayNameLength)
        {
            return $"must be at most {MaxDisplayNameLength} characters";
        }

        return trimmed.Any(char.IsControl) ? "must not contain control characters" : null;
    }

    public static string? RoleProblem(string? role) =>
        role is not null && StaffRole.All.Contains(role) ? null : $"must be one of {string.Join(", ", StaffRole.All)}";

    public static string? PasswordProblem(string? password) => (password?.Length ?? 0) switch
    {
        < MinPasswordLength => $"must be at least {MinPasswordLength} characters",
        > MaxPasswordLength => $"must be at most {MaxPasswordLength} characters",
        _ => null,
    };

    /// <summary>Every problem of a new account, by field (username, displayName, role, password), in that order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Problems(string? username, string? displayName, string? role, string? password)
    {
        var problems = new List<KeyValuePair<string, string>>();
        Add(problems, "username", UsernameProblem(username));
        Add(problems, "displayName", DisplayNameProblem(displayName));
        Add(problems, "role", RoleProblem(role));
        Add(problems, "password", PasswordProblem(password));
        return problems;
    }

    private static void Add(List<KeyValuePair<string, string>> problems, string field, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(new(field, problem));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")]
    private static partial Regex UsernamePattern();
}
