using FluentValidation;
using FluentValidation.Results;

namespace HcmcPortal.Validation;

public static class ValidationSetup
{
    /// <summary>Every command's validator in the app, as singletons: they hold no state and the services that use them are singletons.</summary>
    /// <remarks>Every rule carries its own Vietnamese message (FluentValidation's defaults are English).</remarks>
    public static IServiceCollection AddPortalValidation(this IServiceCollection services) =>
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);

    /// <summary>The first message of each field, keyed by <paramref name="key"/> applied to the property name.</summary>
    public static Dictionary<string, string> FirstErrors(this ValidationResult result, Func<string, string>? key = null)
    {
        var errors = new Dictionary<string, string>();
        foreach (var failure in result.Errors)
            errors.TryAdd(key is null ? failure.PropertyName : key(failure.PropertyName), failure.ErrorMessage);
        return errors;
    }
}
