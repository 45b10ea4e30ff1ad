using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Demo posts and job fairs of the current year: a public-welfare programme with six placements
/// (two of them relocated residents, so the share meets Tongren's 20 %), an internship cohort of
/// enterprise1's enterprise (two completed, one of them retained, one left early, one running),
/// and six job fairs with three enterprises each.
/// </summary>
public static class DemoPostsAndFairs
{
    public static async Task SeedAsync(IDbContextFactory<PortalDbContext> factory, PortalCalendar calendar, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = calendar.Today;
        var hired = await db.Hires.Select(h => h.ResidentId).ToListAsync(cancellationToken);

        var welfare = new PostProgramme("社区公益性岗位（保洁、治安巡逻）", PostKind.PublicWelfare, "东湖街道办事处", today.Year, 10, Money.FromYuan(1_800), 12);
        db.PostProgrammes.Add(welfare);
        var relocated = await db.Residents.Include(r => r.StatusHistory)
            .Where(r => r.IsRelocatedResident && (r.CurrentStatus == null || r.CurrentStatus == EmploymentStatus.RegisteredUnemployed) && !hired.Contains(r.Id))
            .OrderBy(r => r.Id).Take(2).ToListAsync(cancellationToken);
        var others = await db.Residents.Include(r => r.StatusHistory)
            .Where(r => !r.IsRelocatedResident && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed && !hired.Contains(r.Id))
            .Where(r => db.Communities.Any(c => c.Id == r.CommunityId && (c.Name == "东湖社区" || c.Name == "滨江社区")))
            .OrderByDescending(r => r.Id).Take(4).ToListAsync(cancellationToken);
        var placed = 0;
        foreach (var resident in relocated.Concat(others))
        {
            var lastChange = resident.StatusHistory.Count > 0 ? resident.StatusHistory.Max(s => s.EffectiveFrom) : DateOnly.MinValue;
            var start = lastChange > today.AddDays(-90) ? lastChange : today.AddDays(-90);
            db.PostPlacements.Add(PostPlacement.Place(welfare, resident, start, placed++));
        }

        var ownId = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync(cancellationToken);
        var own = await db.Enterprises.SingleAsync(e => e.Id == ownId, cancellationToken);
        var cohort = new PostProgramme($"{today.Year}年高校毕业生就业见习", PostKind.Internship, own.Name, today.Year, 5, Money.FromYuan(1_500), 6, own.Id);
        db.PostProgrammes.Add(cohort);
        var graduates = await db.Residents.Where(r => r.LeftSchoolOn != null && !hired.Contains(r.Id) && r.CurrentStatus == null)
            .OrderBy(r => r.Id).Take(4).ToListAsync(cancellationToken);
        var cohortStart = today.AddDays(-200);
        for (var i = 0; i < graduates.Count; i++)
        {
            var intern = PostPlacement.Place(cohort, graduates[i], i == 3 ? today.AddDays(-30) : cohortStart, i);
            switch (i)
            {
                case 0:
                    intern.Exit(intern.PlannedEnd, PlacementExitReason.TermEnded, retained: true);
                    break;
                case 1:
                    intern.Exit(intern.PlannedEnd, PlacementExitReason.TermEnded, retained: false);
                    break;
                case 2:
                    intern.Exit(cohortStart.AddDays(40), PlacementExitReason.Resigned, retained: false);
                    break;
            }

            db.PostPlacements.Add(intern);
        }

        var enterprises = await db.Enterprises.Where(e => e.Status == EnterpriseStatus.Verified).OrderBy(e => e.CreditCode).Take(9).Select(e => e.Id).ToListAsync(cancellationToken);
        string[] names = ["春风行动专场招聘会", "民营企业招聘月", "高校毕业生专场招聘会", "就业援助月专场", "退役军人专场招聘会", "“三公里”社区招聘会"];
        var firstDay = new DateOnly(today.Year, 1, 1);
        var span = Math.Max(1, today.DayNumber - firstDay.DayNumber);
        for (var i = 0; i < names.Length; i++)
        {
            var fair = new JobFair(names[i], firstDay.AddDays(span * i / names.Length), i % 2 == 0 ? "江州市人力资源市场" : "东湖社区服务站");
            for (var j = 0; j < 3 && j < enterprises.Count; j++)
            {
                var posts = 5 + ((i + j) * 3 % 11);
                fair.RecordParticipant(enterprises[(i + j) % enterprises.Count], posts, posts / 3);
            }

            db.JobFairs.Add(fair);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
