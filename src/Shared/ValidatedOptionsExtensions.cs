using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Shared;

/// <summary>
/// Binds an options class to its configuration section and validates it with a FluentValidation validator at
/// start, so an invalid setting stops the host with one line per problem naming the full key
/// (for example <c>Channels:WhatsApp:AppSecret: must not be empty</c>).
/// Compiled into each project that registers options (linked source, one copy).
/// </summary>
internal static class ValidatedOptionsExtensions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidator<TOptions>
    {
        services.AddSingleton<IValidator<TOptions>, TValidator>();
        services.AddSingleton<IValidateOptions<TOptions>>(sp =>
            new FluentOptionsValidator<TOptions>(sectionName, sp.GetRequiredService<IValidator<TOptions>>()));
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }

    private sealed class FluentOptionsValidator<TOptions>(string sectionName, IValidator<TOptions> validator) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var result = validator.Validate(options);
            if (result.IsValid)
            {
                return ValidateOptionsResult.Success;
            }

            return ValidateOptionsResult.Fail(result.Errors.Select(e =>
                $"{sectionName}:{e.PropertyName.Replace('.', ':')}: {e.ErrorMessage}"));
        }
    }
}
