using EmploymentPortal.Data;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Infrastructure.Security;
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
}
