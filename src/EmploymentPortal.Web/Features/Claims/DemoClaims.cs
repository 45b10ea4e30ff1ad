using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// Demo claims through the real handlers (so every one carries a real decision and trace): one in
/// every state, one waiting for a second approval, two enterprises claiming the same person (flagged
/// for fund supervision) and a paid batch. Runs once, after the demo city is created.
/// </summary>
public static class DemoClaims
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using (var check = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await check.Claims.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Include(u => u.CommunityScopes).Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, cancellationToken);
        if (!users.TryGetValue("station1", out var station1) || !users.ContainsKey("officer1") || !users.ContainsKey("officer2"))
        {
            return;
        }

        var communities = station1.CommunityScopes.Select(s => s.CommunityId).ToList();
        var residents = await db.Residents.AsNoTracking()
            .Where(r => communities.Contains(r.CommunityId))
            .OrderByDescending(r => r.MigrantWorker == MigrantWorkerStatus.ReturningMigrantWorker)
            .ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.IdNumber })
            .Take(14)
            .ToListAsync(cancellationToken);
        if (residents.Count < 14)
        {
            return;
        }

        var station = Principal(station1, PortalRoles.StationStaff);
        var officer1 = Principal(users["officer1"], PortalRoles.BureauOfficer);
        var officer2 = Principal(users["officer2"], PortalRoles.BureauOfficer);

        async Task<Guid> Create(int i, bool submit)
        {
            var outcome = await Run(services, station, s => s.GetRequiredService<CommandPipeline>().SendAsync(new CreateClaim.Command
            {
                Benefit = "entrepreneurship",
                RuleId = "nanhe-2020-1.entrepreneurship-returning-migrant",
                ResidentId = residents[i].Id,
                Facts = new System.Text.Json.Nodes.JsonObject
                {
                    ["business"] = new System.Text.Json.Nodes.JsonObject { ["startDate"] = "2025-03-01", ["firstBusiness"] = true, ["operatingNormally"] = true },
                },
                PayeeAccount = $"62220202001{i:00000}",
                PayeeBank = "江州农商银行",
                Submit = submit,
            }, cancellationToken));
            return outcome.Id ?? throw new InvalidOperationException($"Demo claim {i}: {outcome.Result.Message}");
        }

        Task Review(PortalPrincipal officer, Guid id, ReviewClaim.Action action, string? reason = null) =>
            Run(services, officer, async s =>
            {
                var outcome = await s.GetRequiredService<CommandPipeline>().SendAsync(new ReviewClaim.Command(id, action, null, reason), cancellationToken);
                if (!outcome.Succeeded && action == ReviewClaim.Action.Approve)
                {
                    // Ineligible demo residents: approve with a reason (an audited override).
                    outcome = await s.GetRequiredService<CommandPipeline>().SendAsync(new ReviewClaim.Command(id, action, Money.FromYuan(5_000), "演示数据：经实地核查，创业经营情况属实"), cancellationToken);
                }

                return outcome;
            });

        await Create(0, submit: false);
        await Create(1, submit: true);
        var underReview = await Create(2, submit: true);
        await Review(officer1, underReview, ReviewClaim.Action.StartReview);
        var awaitingSecond = await Create(3, submit: true);
        await Review(officer1, awaitingSecond, ReviewClaim.Action.Approve);
        var approved = await Create(4, submit: true);
        await Review(officer1, approved, ReviewClaim.Action.Approve);
        await Review(officer2, approved, ReviewClaim.Action.Approve);
        var rejected = await Create(5, submit: true);
        await Review(officer1, rejected, ReviewClaim.Action.Reject, "营业执照登记日期不足6个月");
        var returned = await Create(6, submit: true);
        await Review(officer2, returned, ReviewClaim.Action.Return, "请补充经营场所租赁合同");
        var inBatch = await Create(7, submit: true);
        var paid = new[] { await Create(8, submit: true), await Create(9, submit: true) };
        foreach (var id in paid.Append(inBatch))
        {
            await Review(officer1, id, ReviewClaim.Action.Approve);
            await Review(officer2, id, ReviewClaim.Action.Approve);
        }

        var paidBatch = await Run(services, officer2, s => s.GetRequiredService<CommandPipeline>().SendAsync(new PaymentBatches.CreateCommand(paid), cancellationToken));
        await Run(services, officer2, s => s.GetRequiredService<CommandPipeline>().SendAsync(new PaymentBatches.SettleCommand(paidBatch.Id!.Value, null), cancellationToken));
        await Run(services, officer2, s => s.GetRequiredService<CommandPipeline>().SendAsync(new PaymentBatches.CreateCommand([inBatch]), cancellationToken));

        var withdrawn = await Create(10, submit: true);
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(station);
            var context = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var claim = await context.Claims.Include(c => c.Events).FirstAsync(c => c.Id == withdrawn, cancellationToken);
            claim.Withdraw(ClaimCommandSupport.Actor(station), services.GetRequiredService<TimeProvider>().GetUtcNow());
            await context.SaveChangesAsync(cancellationToken);
        }

        // Two enterprises claim the one-time absorption subsidy for the same person: both flagged.
        var verified = await db.Enterprises.AsNoTracking().Where(e => e.Status == EnterpriseStatus.Verified).OrderBy(e => e.CreditCode).Select(e => e.Id).Take(2).ToListAsync(cancellationToken);
        if (users.TryGetValue("enterprise1", out var enterpriseUser) && enterpriseUser.EnterpriseId is { } own)
        {
            var other = verified.FirstOrDefault(id => id != own);
            var first = Principal(enterpriseUser, PortalRoles.EnterpriseUser);
            var second = new PortalPrincipal("demo-other-enterprise-user", "demo-other-enterprise", "另一企业经办人（演示）", new HashSet<string> { PortalRoles.EnterpriseUser }, new HashSet<Guid>(), other);
            foreach (var enterprise in other == Guid.Empty ? [first] : new[] { first, second })
            {
                await Run(services, enterprise, s => s.GetRequiredService<CommandPipeline>().SendAsync(new CreateClaim.Command
                {
                    Benefit = "absorption",
                    RuleId = "nanhe-2020-1.absorption-long-term-unemployed",
                    ResidentIdNumber = residents[11].IdNumber,
                    Facts = new System.Text.Json.Nodes.JsonObject
                    {
                        ["hire"] = new System.Text.Json.Nodes.JsonObject { ["date"] = "2020-07-15", ["contractMonths"] = 12, ["socialInsurancePaid"] = true },
                    },
                    PayeeAccount = "6222020200990001",
                }, cancellationToken));
            }
        }
    }

    private static PortalPrincipal Principal(PortalUser user, string role) =>
        new(user.Id, user.UserName!, user.DisplayName, new HashSet<string> { role }, user.CommunityScopes.Select(s => s.CommunityId).ToHashSet(), user.EnterpriseId);

    private static async Task<T> Run<T>(IServiceProvider services, PortalPrincipal principal, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        return await work(scope.ServiceProvider);
    }
}
