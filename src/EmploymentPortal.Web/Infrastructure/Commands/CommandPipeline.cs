using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Infrastructure.Commands;

/// <summary>
/// Handles one command type. Registered by <see cref="CommandPipelineServiceCollectionExtensions.AddCommandPipeline"/> for
/// every implementation in the Web assembly; called only through <see cref="CommandPipeline"/>,
/// which validates the command first and turns domain refusals and concurrency conflicts into
/// outcomes, so a handler neither re-checks its input's shape nor catches those exceptions.
/// </summary>
public interface ICommandHandler<in TCommand>
{
    Task<FeatureOutcome> HandleAsync(TCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// The field of this command a domain refusal concerns (a 400 on that field, the rule's code),
    /// or null for the kind <see cref="DomainRefusals"/> gives it; e.g. <c>hire-dates</c> is the
    /// last day when a hire ends.
    /// </summary>
    string? FieldOf(string domainCode) => null;
}

/// <summary>
/// The one path of a command, for pages and API endpoints alike
/// (docs/decisions/007-command-pipeline.md): the command's FluentValidation validator (every
/// command has one; its failures are a 400 with the fields named), then its handler; a
/// <see cref="DomainException"/> becomes <see cref="FeatureOutcome.FromDomain"/> and a
/// <see cref="DbUpdateConcurrencyException"/> <see cref="FeatureOutcome.Concurrency"/>, here and
/// nowhere else. Endpoints answer a failed outcome with <see cref="ApiProblems.For"/>; pages show
/// <see cref="CommandResult.Message"/> and pass <see cref="CommandResult.Errors"/> to the form.
/// </summary>
public sealed class CommandPipeline(IServiceProvider services)
{
    public async Task<FeatureOutcome> SendAsync<TCommand>(TCommand command, CancellationToken cancellationToken = default)
        where TCommand : notnull
    {
        var validator = services.GetService<IValidator<TCommand>>()
            ?? throw new InvalidOperationException($"No validator for {typeof(TCommand).FullName}: every command has an AbstractValidator in the Web assembly (ADR 007).");
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return FeatureOutcome.FromValidation(validation);
        }

        var handler = services.GetRequiredService<ICommandHandler<TCommand>>();
        try
        {
            return await handler.HandleAsync(command, cancellationToken);
        }
        catch (DomainException e)
        {
            return handler.FieldOf(e.Code) is { } field ? FeatureOutcome.Field(field, e.Message, e.Code) : FeatureOutcome.FromDomain(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FeatureOutcome.Concurrency();
        }
    }

    /// <summary>
    /// A read that a domain rule may refuse (a payment batch that no longer reconciles cannot be
    /// listed for payment): its value, or the refusal as the outcome a command would have had.
    /// </summary>
    public static async Task<(T? Value, FeatureOutcome? Refusal)> ReadAsync<T>(Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return (await read(), null);
        }
        catch (DomainException e)
        {
            return (default, FeatureOutcome.FromDomain(e));
        }
    }

    /// <summary>The command types that have a handler, for the tests that hold every one to having a validator.</summary>
    public static IEnumerable<(Type Command, Type Handler)> Handlers() =>
        typeof(CommandPipeline).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommandHandler<>))
                .Select(i => (i.GetGenericArguments()[0], t)));
}

public static class CommandPipelineServiceCollectionExtensions
{
    /// <summary>The pipeline and every <see cref="ICommandHandler{TCommand}"/> of the Web assembly, scoped.</summary>
    public static IServiceCollection AddCommandPipeline(this IServiceCollection services)
    {
        services.AddScoped<CommandPipeline>();
        foreach (var (command, handler) in CommandPipeline.Handlers())
        {
            services.AddScoped(handler);
            services.AddScoped(typeof(ICommandHandler<>).MakeGenericType(command), provider => provider.GetRequiredService(handler));
        }

        return services;
    }
}
