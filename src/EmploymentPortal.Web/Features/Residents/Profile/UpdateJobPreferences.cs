using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Profile;

/// <summary>Station staff edit a resident's job-search wishes (求职意向).</summary>
public static class UpdateJobPreferences
{
    public sealed record Command : IJobPreferenceInput
    {
        public OccupationGroup? WantedOccupationGroup { get; set; }

        public string? WantedOccupation { get; set; }

        public int? DesiredWageMin { get; set; }

        public int? DesiredWageMax { get; set; }

        public List<WorkType>? WorkTypes { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.AddJobPreferenceRules();
    }

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly IValidator<Command> _validator;

        public Handler(OperationScope scope, IValidator<Command> validator)
        {
            _scope = scope;
            _validator = validator;
        }

        public async Task<FeatureOutcome> HandleAsync(Guid residentId, Command command, CancellationToken cancellationToken = default)
        {
            var validation = await _validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return FeatureOutcome.Invalid(validation);
            }

            var principal = _scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("居民");
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                try
                {
                    resident.SetJobPreferences(command.ToJobPreferences());
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DomainException e)
                {
                    return FeatureOutcome.FromDomain(e);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return FeatureOutcome.Concurrency();
                }

                return FeatureOutcome.Success("已保存求职意向。", resident.Id);
            });
        }
    }
}
