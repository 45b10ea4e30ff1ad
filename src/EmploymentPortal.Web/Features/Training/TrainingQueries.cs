using EmploymentPortal.Data;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// Training institutions, classes and trainees as each role sees them: bureau officers all;
/// an institution's users their own classes; station staff approved classes (to enrol) and, in a
/// roster, only the residents of their communities. ID numbers are masked.
/// </summary>
public static class TrainingQueries
{
    public sealed record InstitutionRow(
        Guid Id,
        string Name,
        string CreditCode,
        DateOnly DesignatedOn,
        DateOnly DesignationExpiresOn,
        bool Designated,
        IReadOnlyList<OccupationLevel> Scopes,
        Guid CommunityId,
        string CommunityName,
        string Address,
        string ContactName,
        string MaskedContactPhone,
        int Classes);

    public sealed record ClassRow(
        Guid Id,
        string Name,
        Guid InstitutionId,
        string InstitutionName,
        string Occupation,
        SkillLevel Level,
        TrainingKind Kind,
        int PlannedHours,
        DateOnly StartDate,
        DateOnly EndDate,
        string Place,
        int Capacity,
        int Enrolled,
        TrainingClassStatus Status,
        DateOnly? ApprovedOn,
        string? ApprovedBy);

    public sealed record TraineeRow(
        Guid EnrolmentId,
        Guid ResidentId,
        string Name,
        string MaskedIdNumber,
        decimal AttendedHours,
        EnrolmentStatus Status,
        DateOnly? CompletedOn,
        AssessmentResult? Assessment,
        TrainingCertificate? Certificate,
        TrainingEmploymentOutcome Employment);

    public sealed record ClassView(ClassRow Class, int HoursToComplete, IReadOnlyList<TraineeRow> Trainees, bool MayDeliver, bool MayApprove, bool MayEnrol);

    public sealed record ResidentTrainingRow(
        Guid EnrolmentId,
        Guid ClassId,
        string ClassName,
        string InstitutionName,
        string Occupation,
        SkillLevel Level,
        TrainingKind Kind,
        DateOnly StartDate,
        DateOnly EndDate,
        int PlannedHours,
        decimal AttendedHours,
        EnrolmentStatus Status,
        DateOnly? CompletedOn,
        TrainingCertificate? Certificate,
        TrainingEmploymentOutcome Employment);

    /// <summary>An id and a name for a select.</summary>
    public sealed record Choice(Guid Id, string Name);

    public sealed record ClassChoice(Guid Id, string Name, string InstitutionName, DateOnly StartDate, DateOnly EndDate, int Capacity, int Enrolled);

    /// <summary>The classes a principal may see.</summary>
    public static IQueryable<TrainingClass> VisibleTo(this IQueryable<TrainingClass> classes, PortalPrincipal principal)
    {
        if (principal.IsBureauOfficer)
        {
            return classes;
        }

        if (principal.IsTrainingInstitution)
        {
            var own = principal.TrainingInstitutionId;
            return classes.Where(c => c.InstitutionId == own);
        }

        return principal.IsStationStaff ? classes.Where(c => c.Status != TrainingClassStatus.Draft) : classes.Where(c => false);
    }

    /// <summary>Whether the principal runs the class (attendance, completion, certificates): its institution or an officer.</summary>
    public static bool MayDeliver(PortalPrincipal principal, Guid institutionId) =>
        principal.IsBureauOfficer || (principal.IsTrainingInstitution && principal.TrainingInstitutionId == institutionId);

    public static async Task<IReadOnlyList<InstitutionRow>> InstitutionsAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var institutions = await db.TrainingInstitutions.AsNoTracking().Include(i => i.Scopes).OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var communities = await db.Communities.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var classes = await db.TrainingClasses.AsNoTracking().GroupBy(c => c.InstitutionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return institutions.Select(i => new InstitutionRow(
            i.Id,
            i.Name,
            i.CreditCode,
            i.DesignatedOn,
            i.DesignationExpiresOn,
            i.IsDesignatedOn(today),
            i.Scopes.OrderBy(s => s.Occupation, StringComparer.Ordinal).ThenBy(s => s.Level).Select(s => new OccupationLevel(s.Occupation, s.Level)).ToList(),
            i.CommunityId,
            communities.GetValueOrDefault(i.CommunityId, string.Empty),
            i.Address,
            i.ContactName,
            PhoneNumber.TryParse(i.ContactPhone, out var phone, out _) ? phone.Masked : "***********",
            classes.GetValueOrDefault(i.Id))).ToList();
    }

    /// <summary>The classes the principal sees, newest start first; <paramref name="status"/> filters.</summary>
    public static async Task<IReadOnlyList<ClassRow>> ClassesAsync(PortalDbContext db, PortalPrincipal principal, TrainingClassStatus? status = null, CancellationToken cancellationToken = default)
    {
        var query = db.TrainingClasses.AsNoTracking().VisibleTo(principal);
        if (status is { } wanted)
        {
            query = query.Where(c => c.Status == wanted);
        }

        return await Rows(db, query).ToListAsync(cancellationToken);
    }

    /// <summary>A class with its trainees, or null when the principal may not see it.</summary>
    public static async Task<ClassView?> ClassAsync(PortalDbContext db, PortalPrincipal principal, Guid classId, TrainingRules rules, DateOnly today, CancellationToken cancellationToken = default)
    {
        var row = await Rows(db, db.TrainingClasses.AsNoTracking().VisibleTo(principal).Where(c => c.Id == classId)).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var enrolments = db.TrainingEnrolments.AsNoTracking().Where(e => e.ClassId == classId);
        if (!MayDeliver(principal, row.InstitutionId))
        {
            // Station staff see the trainees of their own communities only.
            var visible = db.Residents.VisibleTo(principal).Select(r => r.Id);
            enrolments = enrolments.Where(e => visible.Contains(e.ResidentId));
        }

        var trainees = await enrolments.Include(e => e.Attendance).AsSplitQuery().ToListAsync(cancellationToken);
        var residentIds = trainees.Select(t => t.ResidentId).ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.IdNumber }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var hires = await HiresOfAsync(db, residentIds, cancellationToken);
        var rows = trainees
            .Select(e => new TraineeRow(
                e.Id,
                e.ResidentId,
                residents[e.ResidentId].Name,
                IdCardNumber.TryParse(residents[e.ResidentId].IdNumber, out var id, out _) ? id.Masked : "******************",
                e.AttendedHours,
                e.Status,
                e.CompletedOn,
                e.Assessment,
                e.Certificate,
                TrainingEmployment.Outcome(row.StartDate, e.CompletedOn, hires[e.ResidentId], rules, today)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.EnrolmentId)
            .ToList();
        return new ClassView(
            row,
            rules.HoursToComplete(row.PlannedHours),
            rows,
            MayDeliver(principal, row.InstitutionId),
            principal.IsBureauOfficer && row.Status == TrainingClassStatus.Draft,
            (principal.IsStationStaff || principal.IsBureauOfficer) && row.Status == TrainingClassStatus.Approved && today <= row.EndDate);
    }

    /// <summary>A resident's training history; null when the principal may not see the resident.</summary>
    public static async Task<IReadOnlyList<ResidentTrainingRow>?> HistoryOfAsync(PortalDbContext db, PortalPrincipal principal, Guid residentId, TrainingRules rules, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!await db.Residents.VisibleTo(principal).AnyAsync(r => r.Id == residentId, cancellationToken))
        {
            return null;
        }

        var enrolments = await db.TrainingEnrolments.AsNoTracking().Include(e => e.Attendance).AsSplitQuery()
            .Where(e => e.ResidentId == residentId).ToListAsync(cancellationToken);
        var classIds = enrolments.Select(e => e.ClassId).ToList();
        var classes = await Rows(db, db.TrainingClasses.AsNoTracking().Where(c => classIds.Contains(c.Id))).ToDictionaryAsync(c => c.Id, cancellationToken);
        var hires = (await HiresOfAsync(db, [residentId], cancellationToken))[residentId];
        return enrolments
            .Select(e => (Enrolment: e, Class: classes[e.ClassId]))
            .OrderByDescending(x => x.Class.StartDate)
            .Select(x => new ResidentTrainingRow(
                x.Enrolment.Id,
                x.Class.Id,
                x.Class.Name,
                x.Class.InstitutionName,
                x.Class.Occupation,
                x.Class.Level,
                x.Class.Kind,
                x.Class.StartDate,
                x.Class.EndDate,
                x.Class.PlannedHours,
                x.Enrolment.AttendedHours,
                x.Enrolment.Status,
                x.Enrolment.CompletedOn,
                x.Enrolment.Certificate,
                TrainingEmployment.Outcome(x.Class.StartDate, x.Enrolment.CompletedOn, hires, rules, today)))
            .ToList();
    }

    /// <summary>Approved classes that still take trainees (not ended, not full), for the enrolment form.</summary>
    public static async Task<IReadOnlyList<ClassChoice>> OpenClassesAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rows = await Rows(db, db.TrainingClasses.AsNoTracking().Where(c => c.Status == TrainingClassStatus.Approved && c.EndDate >= today)).ToListAsync(cancellationToken);
        return rows.Where(r => r.Enrolled < r.Capacity)
            .OrderBy(r => r.StartDate).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new ClassChoice(r.Id, r.Name, r.InstitutionName, r.StartDate, r.EndDate, r.Capacity, r.Enrolled))
            .ToList();
    }

    private static async Task<Dictionary<Guid, List<HirePeriod>>> HiresOfAsync(PortalDbContext db, List<Guid> residentIds, CancellationToken cancellationToken)
    {
        var hires = await db.Hires.AsNoTracking().Where(h => residentIds.Contains(h.ResidentId))
            .Select(h => new { h.ResidentId, h.StartDate, h.EndedOn }).ToListAsync(cancellationToken);
        return residentIds.Distinct().ToDictionary(id => id, id => hires.Where(h => h.ResidentId == id).Select(h => new HirePeriod(h.StartDate, h.EndedOn)).ToList());
    }

    private static IQueryable<ClassRow> Rows(PortalDbContext db, IQueryable<TrainingClass> classes) =>
        from c in classes
        join i in db.TrainingInstitutions on c.InstitutionId equals i.Id
        orderby c.StartDate descending, c.Name
        select new ClassRow(
            c.Id,
            c.Name,
            c.InstitutionId,
            i.Name,
            c.Occupation,
            c.Level,
            c.Kind,
            c.PlannedHours,
            c.StartDate,
            c.EndDate,
            c.Place,
            c.Capacity,
            db.TrainingEnrolments.Count(e => e.ClassId == c.Id),
            c.Status,
            c.ApprovedOn,
            c.ApprovedBy);
}
