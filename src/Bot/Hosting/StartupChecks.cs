using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Hosting;

/// <summary>Validates every setting before the host starts, printing one line per problem naming the key.</summary>
public static class StartupChecks
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
            foreach (var failure in failures.SelectMany(f => f.Split("; ", StringSplitOptions.RemoveEmptyEntries)))
            {
                errors.WriteLine($"Configuration error: {failure}");
            }

            return false;
        }
    }
}
