using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Households;
using EmploymentPortal.Web.Features.Residents.Transfers;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Profile;

public static class ResidentProfileQueries
{
    public sealed record Certification(EmploymentDifficultyCategory Category, DateOnly CertifiedOn, string? CertifiedBy, DateOnly? RevokedOn, string? RevocationReason);

    public sealed record ProfileView(
        EmploymentStatus? CurrentStatus,
        OccupationGroup? WantedOccupationGroup,
        string? WantedOccupation,
        Money? DesiredWageMin,
        Money? DesiredWageMax,
        IReadOnlyList<WorkType> WorkTypes,
        Certification? Certification,
        IReadOnlyList<HouseholdQueries.HouseholdRow> Households,
        IReadOnlyList<TransferQueries.MoveRow> Moves,
        double? HomeLatitude,
        double? HomeLongitude);

    /// <summary>The profile side of a resident in scope, or null.</summary>
    public static async Task<ProfileView?> FindAsync(PortalDbContext db, PortalPrincipal principal, Guid id, CancellationToken cancellationToken = default)
    {
        var r = await db.Residents.AsNoTracking().VisibleTo(principal).Where(x => x.Id == id)
            .Select(x => new
            {
                x.CurrentStatus,
                x.WantedOccupationGroup,
                x.WantedOccupation,
                x.DesiredWageMin,
                x.DesiredWageMax,
                x.PreferredWorkTypes,
                x.DifficultyCategory,
                x.DifficultyCertifiedOn,
                x.DifficultyCertifiedBy,
                x.DifficultyRevokedOn,
                x.DifficultyRevocationReason,
                x.HomeLatitude,
                x.HomeLongitude,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (r is null)
        {
            return null;
        }

        return new ProfileView(
            r.CurrentStatus,
            r.WantedOccupationGroup,
            r.WantedOccupation,
            r.DesiredWageMin,
            r.DesiredWageMax,
            JobPreferences.FromMask(r.PreferredWorkTypes),
            r is { DifficultyCategory: { } category, DifficultyCertifiedOn: { } on }
                ? new Certification(category, on, r.DifficultyCertifiedBy, r.DifficultyRevokedOn, r.DifficultyRevocationReason)
                : null,
            await HouseholdQueries.OfResidentAsync(db, principal, id, cancellationToken),
            await TransferQueries.MovesOfAsync(db, id, cancellationToken),
            r.HomeLatitude,
            r.HomeLongitude);
    }

    public static string Of(EmploymentDifficultyCategory category) => KeyGroups.DifficultyCategoryName(category);
}
