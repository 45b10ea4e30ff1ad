using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Profile;

/// <summary>Station staff edit a resident's job-search wishes (求职意向).</summary>
public static class UpdateJobPreferences
{
    public sealed record Command : IJobPreferenceInput
    {
        /// <summary>The resident, from the route or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid ResidentId { get; set; }

        public OccupationGroup? WantedOccupationGroup { get; set; }

        public string? WantedOccupation { get; set; }

        public Money? DesiredWageMin { get; set; }

        public Money? DesiredWageMax { get; set; }

        public List<WorkType>? WorkTypes { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.AddJobPreferenceRules();
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("居民");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).FirstOrDefaultAsync(r => r.Id == command.ResidentId, cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                resident.SetJobPreferences(command.ToJobPreferences());
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success("已保存求职意向。", resident.Id);
            });
        }
    }
}
