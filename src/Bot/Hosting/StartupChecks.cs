using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Hosting;

/// <summary>Validates every setting before the host starts, printing one line per problem naming the key.</summary>
public static partial class StartupChecks
{
    public static bool SettingsAreValid(IServiceProvider services, TextWriter errors)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException)
        {
            var failures = ex is AggregateException aggregate
                ? aggregate.Flatten().InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)
                : ((OptionsValidationException)ex).Failures;
            // One line per problem, even when several services read the same invalid section.
            foreach (var failure in failures.SelectMany(f => f.Split("; ", StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal))
            {
                errors.WriteLine($"Configuration error: {failure}");
            }

            return false;
        }
        catch (InvalidOperationException ex) when (NotConvertible().Match(ex.Message) is { Success: true } match)
        {
            // The binder could not read a value as its type (e.g. "maybe" for a true/false setting).
            errors.WriteLine($"Configuration error: {match.Groups["key"].Value}: {Expected(match.Groups["type"].Value)}");
            return false;
        }
    }

    private static string Expected(string type) => type switch
    {
        "System.Boolean" => "must be true or false",
        "System.Int32" or "System.Int64" => "must be a whole number",
        "System.Double" or "System.Decimal" => "must be a number",
        _ => $"must be a valid {type}",
    };

    [GeneratedRegex("^Failed to convert configuration value .* at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex NotConvertible();
}
