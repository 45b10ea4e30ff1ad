using EmploymentPortal.Data;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Policies.Model;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Policies;

/// <summary>
/// A bureau officer sets the end of a rule whose end the text does not state (设定规则截止日期):
/// a rule limited to 疫情防控期间 or 阶段性 without a date, or a standing rule the bureau closes,
/// with the basis, e.g. the document that ended the emergency response. Ends are only added: the
/// latest is in force, the earlier ones stay in the rule's history; the save is audited, and the
/// catalogue in force (evaluator and batch path alike) honours it at once.
/// </summary>
public static class SetRuleEnd
{
    public sealed class Command
    {
        public string RuleId { get; set; } = string.Empty;

        /// <summary>The rule's last day (inclusive).</summary>
        public DateTime? EndsOn { get; set; }

        public string BasisDocument { get; set; } = string.Empty;

        public string Section { get; set; } = string.Empty;

        public string Quote { get; set; } = string.Empty;
    }

    /// <summary>One end set for a rule, for its history (newest first).</summary>
    public sealed record HistoryRow(Guid Id, string RuleId, DateOnly EndsOn, string BasisDocument, string Section, string Quote, string SetByName, DateTimeOffset SetAt, bool InForce);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RuleId).NotEmpty().WithMessage("请选择规则。");
            RuleFor(c => c.EndsOn).NotNull().WithMessage("请填写截止日期。");
            RuleFor(c => c.BasisDocument).NotEmpty().WithMessage("请填写确定该截止日期的文件（文号或名称），例如结束应急响应的通知。").MaximumLength(200).WithMessage("文件名称不能超过 200 个字符。");
            RuleFor(c => c.Section).NotEmpty().WithMessage("请填写条款，例如“第三条”。").MaximumLength(50).WithMessage("条款不能超过 50 个字符。");
            RuleFor(c => c.Quote).NotEmpty().WithMessage("请摘录文件中确定截止日期的原文。").MaximumLength(1000).WithMessage("原文摘录不能超过 1000 个字符。");
        }
    }

    /// <summary>Why the bureau may not end <paramref name="rule"/> on <paramref name="endsOn"/>, in Chinese; null when it may.</summary>
    public static string? Refusal(PolicyRule rule, DateOnly endsOn)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (PolicyCatalogue.CheckEnd(rule, endsOn) is null)
        {
            return null;
        }

        var last = rule.LastPeriod!;
        return last.End == PeriodEnd.Stated && last.UntilInferred is null
            ? $"文件已载明该规则的截止日期（{last.Until:yyyy-MM-dd}），不能另行设定。"
            : $"截止日期不能早于规则的施行起始日（{last.From:yyyy-MM-dd}）。";
    }

    /// <summary>Whether the bureau may set the end of <paramref name="rule"/> at all (the text states none).</summary>
    public static bool CanEnd(PolicyRule rule) => rule.LastPeriod is { } last && (last.End != PeriodEnd.Stated || last.UntilInferred is not null);

    /// <summary>The ends set for the rules, newest first; the newest of each rule is in force.</summary>
    public static async Task<IReadOnlyList<HistoryRow>> HistoryAsync(PortalDbContext db, IReadOnlyCollection<string> ruleIds, CancellationToken cancellationToken = default)
    {
        var ids = ruleIds.ToList();
        var rows = await db.RuleEndDates.AsNoTracking().Where(e => ids.Contains(e.RuleId)).ToListAsync(cancellationToken);
        var inForce = rows.GroupBy(e => e.RuleId).Select(g => PolicyCatalogueService.InOrder(g).Last().Id).ToHashSet();
        return PolicyCatalogueService.InOrder(rows).Reverse()
            .Select(e => new HistoryRow(e.Id, e.RuleId, e.EndsOn, e.BasisDocument, e.Section, e.Quote, e.SetByName, e.SetAt, inForce.Contains(e.Id)))
            .ToList();
    }

    public sealed class Handler(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, PolicyCatalogueService policies, TimeProvider time) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = currentUser.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以设定规则的截止日期。");
            }

            if (policies.BaseCatalogue.FindRule(command.RuleId) is not { } rule)
            {
                return FeatureOutcome.Missing("政策规则");
            }

            var endsOn = DateOnly.FromDateTime(command.EndsOn!.Value);
            if (Refusal(rule, endsOn) is { } refused)
            {
                return FeatureOutcome.Field(nameof(Command.EndsOn), refused);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var end = new RuleEndDate(rule.Id, endsOn, command.BasisDocument.Trim(), command.Section.Trim(), command.Quote.Trim(), principal.UserId, principal.DisplayName, time.GetUtcNow());
            try
            {
                policies.Preview(await db.LocalParameterValues.AsNoTracking().ToListAsync(cancellationToken),
                    (await db.RuleEndDates.AsNoTracking().ToListAsync(cancellationToken)).Append(end));
            }
            catch (PolicyCatalogueException exception)
            {
                return FeatureOutcome.Field(nameof(Command.EndsOn), "该截止日期无法设定：" + string.Join("；", exception.Errors));
            }

            db.RuleEndDates.Add(end);
            await db.SaveChangesAsync(cancellationToken);
            await policies.EnsureCurrentAsync(db, cancellationToken);
            return FeatureOutcome.Success($"已设定规则 {rule.Id} 的截止日期 {endsOn:yyyy-MM-dd}（依据：{end.BasisDocument}）。", end.Id);
        }
    }
}
