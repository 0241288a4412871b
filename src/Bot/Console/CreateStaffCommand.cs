using LibraryBot.Bot.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Console;

/// <summary>
/// <c>create-staff --username ana --display-name "Ana López" [--role librarian|outreach|admin] [--password-stdin]</c>:
/// creates a staff account in the configured store and exits 0. The password is asked for on the terminal (typed twice,
/// not echoed), or read as the first line of standard input with <c>--password-stdin</c> (or when input is redirected).
/// Every problem is one line on standard error, with exit code 1.
/// </summary>
public static class CreateStaffCommand
{
    public const string Name = "create-staff";

    public const string Usage =
        "Usage: create-staff --username <name> --display-name <name patrons see> [--role librarian|outreach|admin] [--password-stdin]";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command with the arguments after its name; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter errors)
    {
        if (!TryParse(args, out var options, out var problem))
        {
            errors.WriteLine($"Error: {problem}. {Usage}");
            return 1;
        }

        if (services.GetService<StaffAccounts>() is not { } accounts)
        {
            errors.WriteLine("Error: staff accounts are kept in SQLite only so far; set Storage:Provider=Sqlite.");
            return 1;
        }

        var invalid = Invalid("--username", StaffAccountRules.UsernameProblem(options.Username))
            ?? Invalid("--display-name", StaffAccountRules.DisplayNameProblem(options.DisplayName))
            ?? Invalid("--role", StaffAccountRules.RoleProblem(options.Role));
        if (invalid is not null)
        {
            errors.WriteLine($"Error: {invalid}.");
            return 1;
        }

        var store = services.GetRequiredService<IStaffStore>();
        if (await store.FindAsync(options.Username!, CancellationToken.None).ConfigureAwait(false) is not null)
        {
            errors.WriteLine($"Error: the username '{options.Username}' is taken.");
            return 1;
        }

        var password = ReadPassword(options, input, errors);
        if (password is null)
        {
            return 1;
        }

        if (StaffAccountRules.PasswordProblem(password) is { } passwordProblem)
        {
            errors.WriteLine($"Error: the password {passwordProblem}.");
            return 1;
        }

        if (!await accounts.CreateAsync(options.Username!, options.DisplayName!, options.Role, password, CancellationToken.None).ConfigureAwait(false))
        {
            errors.WriteLine($"Error: the username '{options.Username}' is taken.");
            return 1;
        }

        output.WriteLine($"Created the {options.Role} account '{options.Username}' ({options.DisplayName!.Trim()}).");
        return 0;
    }

    private static string? ReadPassword(CreateStaffOptions options, TextReader input, TextWriter errors)
    {
        if (options.PasswordFromStdin || System.Console.IsInputRedirected)
        {
            if (!options.PasswordFromStdin)
            {
                errors.Write($"Password for {options.Username}: ");
            }

            var line = input.ReadLine();
            if (line is null)
            {
                errors.WriteLine("Error: no password on standard input.");
            }

            return line?.TrimEnd('\r');
        }

        var first = ReadHidden($"Password for {options.Username} (at least {StaffAccountRules.MinPasswordLength} characters): ", errors);
        var again = ReadHidden("Type it again: ", errors);
        if (first != again)
        {
            errors.WriteLine("Error: the two passwords differ.");
            return null;
        }

        return first;
    }

    /// <summary>Reads a line from the terminal without echoing it.</summary>
    private static string ReadHidden(string prompt, TextWriter errors)
    {
        errors.Write(prompt);
        var typed = new System.Text.StringBuilder();
        for (var key = System.Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = System.Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        errors.WriteLine();
        return typed.ToString();
    }

    private static bool TryParse(IReadOnlyList<string> args, out CreateStaffOptions options, out string? problem)
    {
        options = new CreateStaffOptions();
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--password-stdin")
            {
                options.PasswordFromStdin = true;
                continue;
            }

            if (arg is not ("--username" or "--display-name" or "--role"))
            {
                problem = $"unknown argument '{arg}'";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{arg} needs a value";
                return false;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--username":
                    options.Username = value.Trim();
                    break;
                case "--display-name":
                    options.DisplayName = value;
                    break;
                default:
                    options.Role = value;
                    break;
            }
        }

        if (options.Username is null || options.DisplayName is null)
        {
            problem = options.Username is null ? "--username is required" : "--display-name is required";
            return false;
        }

        return true;
    }

    private static string? Invalid(string option, string? problem) => problem is null ? null : $"{option} {problem}";
}
