using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// 补贴单笔上限: bureau officers set, per benefit, the most one claim may be approved for when its
/// rules compute no amount (<see cref="BenefitCeiling"/>); each setting is a new version with its
/// basis, audited, and the history stays. Page <c>/bureau/benefit-ceilings</c>, API
/// <c>/api/v1/benefit-ceilings</c>.
/// </summary>
public static class BenefitCeilings
{
    public sealed record Row(Guid Id, string Benefit, string BenefitName, Money Amount, string Basis, string SetByName, DateTimeOffset SetAt);

    /// <summary>The ceiling in force per benefit, and every version newest first.</summary>
    public sealed record Overview(IReadOnlyList<Row> Current, IReadOnlyList<Row> History);

    /// <summary>The ceiling in force for <paramref name="benefit"/>; null when the bureau set none.</summary>
    public static Task<BenefitCeiling?> InForceAsync(PortalDbContext db, string benefit, CancellationToken cancellationToken = default) =>
        db.BenefitCeilings.AsNoTracking().Where(c => c.Benefit == benefit).OrderByDescending(c => c.SetAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    public static async Task<Overview> ListAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var all = await db.BenefitCeilings.AsNoTracking().ToListAsync(cancellationToken);
        var history = all.OrderByDescending(c => c.SetAt).ThenByDescending(c => c.Id).Select(ToRow).ToList();
        var current = all.Select(c => c.Benefit).Distinct().Select(b => BenefitCeiling.Latest(b, all)!).OrderBy(c => c.Benefit, StringComparer.Ordinal).Select(ToRow).ToList();
        return new Overview(current, history);
    }

    /// <summary>The benefits a ceiling may be set for, with their Chinese names, for the page's picker.</summary>
    public static IReadOnlyList<(string Benefit, string Name)> Benefits { get; } =
        BenefitKinds.All.Select(b => (b, ClaimFormat.Benefit(b))).OrderBy(b => b.b, StringComparer.Ordinal).ToList();

    private static Row ToRow(BenefitCeiling c) => new(c.Id, c.Benefit, ClaimFormat.Benefit(c.Benefit), c.Amount, c.Basis, c.SetByName, c.SetAt);

    public sealed record Command
    {
        public string? Benefit { get; set; }

        public Money? Amount { get; set; }

        public string? Basis { get; set; }
    }

    /// <summary>A bureau officer sets a benefit's ceiling (a new version; the history stays).</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ClaimAmounts amounts)
        {
            RuleFor(c => c.Benefit).Must(b => b is not null && BenefitKinds.All.Contains(b)).WithMessage("请选择补贴项目。");
            RuleFor(c => c.Amount)
                .Must(a => a > Money.Zero).WithMessage("单笔上限必须大于 0。")
                .Must(a => a <= amounts.HardCeiling).WithMessage(_ => $"单笔上限不能超过单笔申请的硬上限 {amounts.HardCeiling}。");
            RuleFor(c => c.Basis).Must(b => !string.IsNullOrWhiteSpace(b) && b.Trim().Length <= BenefitCeiling.MaxBasisLength)
                .WithMessage($"请填写设定依据（{BenefitCeiling.MaxBasisLength} 字以内），例如文件文号和条款。");
        }
    }

    public sealed class Set(OperationScope scope, TimeProvider time) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer || principal.UserId is null)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以设定补贴单笔上限。");
            }

            var benefit = command.Benefit!;
            var amount = command.Amount!.Value;

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var ceiling = new BenefitCeiling(benefit, amount, command.Basis!, ClaimCommandSupport.Actor(principal), time.GetUtcNow());

                db.BenefitCeilings.Add(ceiling);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"“{ClaimFormat.Benefit(benefit)}”的单笔上限已设为 {amount}（依据：{ceiling.Basis}）。", ceiling.Id);
            });
        }
    }
}
