using System.Globalization;
using FluentValidation;
using FluentValidation.Resources;

namespace EmploymentPortal.Web.Infrastructure.Validation;

public static class ValidationServiceCollectionExtensions
{
    /// <summary>
    /// Registers every concrete <see cref="AbstractValidator{T}"/> of the Web assembly as a scoped
    /// <see cref="IValidator{T}"/> (FluentValidation.DependencyInjectionExtensions does not restore
    /// from the package mirror), and makes FluentValidation's built-in messages Simplified Chinese
    /// unless the user chose English. Every rule of the portal carries its own Chinese message;
    /// the built-in ones are the fallback.
    /// </summary>
    public static IServiceCollection AddPortalValidators(this IServiceCollection services)
    {
        ValidatorOptions.Global.LanguageManager = new PortalLanguageManager();

        // One message a field at a time: "please enter a user name" needs no "too short" beside it.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        var types = typeof(ValidationServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var type in types)
        {
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (baseType.IsGenericType && baseType.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                {
                    var service = typeof(IValidator<>).MakeGenericType(baseType.GetGenericArguments()[0]);
                    services.AddScoped(service, type);
                    break;
                }
            }
        }

        return services;
    }

    /// <summary>Chinese built-in messages for every culture but English.</summary>
    private sealed class PortalLanguageManager : LanguageManager
    {
        private static readonly CultureInfo Chinese = new("zh-CN");

        public override string GetString(string key, CultureInfo? culture = null)
        {
            culture ??= CultureInfo.CurrentUICulture;
            return base.GetString(key, culture.TwoLetterISOLanguageName == "en" ? culture : Chinese);
        }
    }
}
