using EmploymentPortal.Data;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>Loads a class with its trainees and attendance for a change, within the principal's reach.</summary>
internal static class TrainingClassLoader
{
    /// <summary>The class, tracked, when the principal runs it (its institution or an officer); otherwise null.</summary>
    public static async Task<TrainingClass?> ForDeliveryAsync(PortalDbContext db, PortalPrincipal principal, Guid classId, CancellationToken cancellationToken)
    {
        var @class = await db.TrainingClasses.Include(c => c.Enrolments).ThenInclude(e => e.Attendance).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == classId, cancellationToken);
        return @class is not null && TrainingQueries.MayDeliver(principal, @class.InstitutionId) ? @class : null;
    }

    /// <summary>
    /// Runs a change to a class for whoever runs it (its institution or an officer), in the
    /// operation's scope: anyone else is refused (<paramref name="what"/> names the change in the
    /// message), a class out of their reach is not found.
    /// </summary>
    public static async Task<FeatureOutcome> DeliverAsync(OperationScope scope, Guid classId, string what, Func<PortalDbContext, TrainingClass, Task<FeatureOutcome>> change, CancellationToken cancellationToken)
    {
        if (!scope.Principal.IsBureauOfficer && !scope.Principal.IsTrainingInstitution)
        {
            return FeatureOutcome.Denied($"只有培训机构和人社局经办人员可以{what}。");
        }

        return await scope.RunAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var @class = await ForDeliveryAsync(db, scope.Principal, classId, cancellationToken);
            return @class is null ? FeatureOutcome.Missing("培训班") : await change(db, @class);
        });
    }
}
