using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Demo key-enterprise monitoring: the three warning thresholds with their basis, three monitored
/// enterprises (enterprise2's and two others, not enterprise1's, which the browser test
/// designates) with the last 6 months reported, the latest month of enterprise2's a large cut
/// with its open warning, and enterprise2's layoff plan. One context, one save.
/// </summary>
public static class DemoMonitoring
{
    public static async Task SeedAsync(IDbContextFactory<PortalDbContext> factory, PortalCalendar calendar, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = calendar.Today;
        var now = calendar.Now;
        var lastMonth = PortalCalendar.MonthOf(today).AddMonths(-1);
        var first = lastMonth.AddMonths(-5);

        var cut = new WarningThreshold(WarningKind.EnterpriseCut, 10, 20, "人社局局务会议决定（演示）：重点监测企业月净减员达月初人数 10% 或 20 人以上即预警；依据 邢南政发〔2020〕1号（三十二）重点企业就业监测、防止出现大规模裁员", "officer1", now);
        var sector = new WarningThreshold(WarningKind.SectorLoss, null, 50, "界首市就业促进行动方案 二、(四)2：健全批发零售、住宿餐饮等行业规模性失业风险预警机制；人数为人社局局务会议决定（演示）", "officer1", now);
        var district = new WarningThreshold(WarningKind.DistrictUnemploymentRise, 20, 5, "铜仁市“十四五”规划：健全失业监测预警机制，适时发布失业预警信息；比例为人社局局务会议决定（演示）", "officer1", now);
        db.WarningThresholds.AddRange(cut, sector, district);

        var excluded = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync(cancellationToken);
        var second = await db.Users.Where(u => u.UserName == "enterprise2").Select(u => u.EnterpriseId).SingleAsync(cancellationToken);
        var others = await db.Enterprises.AsNoTracking()
            .Where(e => e.Id != excluded && e.Id != second && (e.Industry == IndustrySection.F || e.Industry == IndustrySection.H || e.Industry == IndustrySection.C))
            .OrderBy(e => e.CreditCode).Select(e => new { e.Id, e.Name }).Take(2).ToListAsync(cancellationToken);
        var monitored = new List<(Guid Id, string Name)>();
        if (second is { } secondId)
        {
            monitored.Add((secondId, await db.Enterprises.Where(e => e.Id == secondId).Select(e => e.Name).SingleAsync(cancellationToken)));
        }

        monitored.AddRange(others.Select(o => (o.Id, o.Name)));
        for (var index = 0; index < monitored.Count; index++)
        {
            var (id, name) = monitored[index];
            var designation = new MonitoredEnterprise(id, first, index == 0 ? "用工规模较大、订单下滑，生产经营存在困难（演示）" : "行业用工规模较大的重点骨干企业（演示）", null, "officer1", now);
            db.MonitoredEnterprises.Add(designation);
            var headcount = 120 + (40 * index);
            for (var month = first; month <= lastMonth; month = month.AddMonths(1))
            {
                // enterprise2's last month is a large cut of economic layoffs; the rest move a little.
                var figures = index == 0 && month == lastMonth
                    ? new EmploymentFigures(headcount - 30, 1, 31, 28)
                    : new EmploymentFigures(headcount + ((month.Month % 3) - 1), 3 + (month.Month % 3), 4, 0);
                var report = MonthlyEmploymentReport.Submit(designation, month, figures, null, today, index == 0 ? "enterprise2" : "demo", now);
                db.MonthlyEmploymentReports.Add(report);
                headcount = figures.Headcount;
                if (WarningRules.EnterpriseCut(cut, id, name, month, figures) is { } finding)
                {
                    db.EmploymentWarnings.Add(new EmploymentWarning(finding, cut, now));
                }
            }
        }

        if (second is { } planner)
        {
            var planned = today.AddDays(45);
            db.LayoffPlans.Add(new LayoffPlan(planner, 30, planned, "主要客户订单取消，生产线停产（演示）", "内部转岗安置 12 人；其余 18 人依法支付经济补偿，推荐参加本市招聘会和技能培训，登记失业的按规定享受失业保险待遇（演示）", planned.AddDays(-35), "enterprise2", now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
