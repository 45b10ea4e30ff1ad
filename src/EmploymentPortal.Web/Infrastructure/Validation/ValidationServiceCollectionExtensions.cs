using System.Globalization;
using FluentValidation;
using FluentValidation.Resources;
using FluentValidation.Results;

namespace EmploymentPortal.Web.Infrastructure.Validation;

public static class ValidationServiceCollectionExtensions
{
    /// <summary>
    /// Registers every concrete <see cref="AbstractValidator{T}"/> of the Web assembly as a scoped
    /// <see cref="IValidator{T}"/> (FluentValidation.DependencyInjectionExtensions does not restore
    /// from the package mirror), wrapped so that the shared <see cref="InputRules"/> (plausible
    /// dates, no control characters) hold for every command, and makes FluentValidation's built-in messages Simplified Chinese
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
                    var model = baseType.GetGenericArguments()[0];
                    var checking = typeof(InputCheckingValidator<>).MakeGenericType(model);
                    services.AddScoped(type);
                    services.AddScoped(typeof(IValidator<>).MakeGenericType(model), provider => Activator.CreateInstance(checking, provider.GetRequiredService(type))!);
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

    /// <summary>
    /// A command's own validator, then the <see cref="InputRules"/> on the properties it left
    /// without a message: one message a field, as everywhere.
    /// </summary>
    private sealed class InputCheckingValidator<T> : IValidator<T>
    {
        private readonly IValidator<T> _inner;

        public InputCheckingValidator(IValidator<T> inner)
        {
            _inner = inner;
        }

        public ValidationResult Validate(T instance) => AddInputRules(_inner.Validate(instance), instance);

        public async Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellation = default) =>
            AddInputRules(await _inner.ValidateAsync(instance, cancellation), instance);

        public ValidationResult Validate(IValidationContext context) => AddInputRules(_inner.Validate(context), context.InstanceToValidate);

        public async Task<ValidationResult> ValidateAsync(IValidationContext context, CancellationToken cancellation = default) =>
            AddInputRules(await _inner.ValidateAsync(context, cancellation), context.InstanceToValidate);

        public IValidatorDescriptor CreateDescriptor() => _inner.CreateDescriptor();

        public bool CanValidateInstancesOfType(Type type) => _inner.CanValidateInstancesOfType(type);

        private static ValidationResult AddInputRules(ValidationResult result, object? instance)
        {
            foreach (var (property, message) in InputRules.Check(instance))
            {
                if (!result.Errors.Any(e => e.PropertyName == property))
                {
                    result.Errors.Add(new ValidationFailure(property, message));
                }
            }

            return result;
        }
    }
}
