using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>支付批次: officers put approved claims in a batch and record finance's result.</summary>
public static class PaymentBatches
{
    public sealed record CreateCommand(IReadOnlyList<Guid> ClaimIds);

    /// <summary>A batch's state in words (the batch page, the printed list).</summary>
    public static string StatusText(PaymentBatchStatus status) => status switch
    {
        PaymentBatchStatus.Open => "待支付",
        PaymentBatchStatus.Paid => "已支付",
        _ => "部分失败",
    };

    /// <summary>Finance's result: every claim paid except <see cref="Failures"/> (claim id → reason).</summary>
    public sealed record SettleCommand(Guid BatchId, IReadOnlyDictionary<Guid, string>? Failures);

    public sealed class CreateValidator : AbstractValidator<CreateCommand>
    {
        public CreateValidator()
        {
            RuleFor(c => c.ClaimIds)
                .Must(ids => ids is { Count: > 0 }).WithMessage("请至少选择一笔已批准的申请。")
                .Must(ids => ids.Distinct().Count() <= 2000).WithMessage("一个批次最多 2000 笔申请。");
        }
    }

    /// <summary>Which claims failed and why is the batch's to check (<see cref="PaymentBatch.Settle"/>); the reasons' text by the shared input rules.</summary>
    public sealed class SettleValidator : AbstractValidator<SettleCommand>
    {
        public SettleValidator()
        {
            RuleFor(c => c.Failures).Must(f => f is null || f.Values.All(r => r is not { Length: > 1000 })).WithMessage("失败原因不能超过 1000 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, ClaimAmounts amounts) : ICommandHandler<CreateCommand>, ICommandHandler<SettleCommand>
    {
        public async Task<FeatureOutcome> HandleAsync(CreateCommand command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以生成支付批次。");
            }

            var ids = command.ClaimIds.Distinct().ToList();

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var claims = await db.Claims.Include(c => c.Events).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
                if (claims.Count != ids.Count)
                {
                    return FeatureOutcome.Missing("部分申请");
                }

                var now = calendar.Now;
                var officer = ClaimCommandSupport.Actor(principal);
                PaymentBatch batch;
                batch = PaymentBatch.Create(claims.OrderBy(c => c.Number, StringComparer.Ordinal).ToList(), officer, amounts.HardCeiling, now);
                batch.EnsureReconciles(claims, amounts.HardCeiling);
                db.PaymentBatches.Add(batch);
                foreach (var claim in claims)
                {
                    ClaimCommandSupport.Notify(db, claim, now);
                }

                await db.SaveChangesAsync(cancellationToken);

                return FeatureOutcome.Success($"已生成支付批次 {batch.Number}：{batch.ClaimCount} 笔，合计 {batch.Total}。", batch.Id);
            });
        }

        public async Task<FeatureOutcome> HandleAsync(SettleCommand command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以登记支付结果。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var batch = await db.PaymentBatches.FirstOrDefaultAsync(b => b.Id == command.BatchId, cancellationToken);
                if (batch is null)
                {
                    return FeatureOutcome.Missing("支付批次");
                }

                var claims = await db.Claims.Include(c => c.Events).Where(c => c.PaymentBatchId == batch.Id).ToListAsync(cancellationToken);
                var now = calendar.Now;
                batch.Settle(claims, command.Failures ?? new Dictionary<Guid, string>(), ClaimCommandSupport.Actor(principal), amounts.HardCeiling, now);
                foreach (var claim in claims)
                {
                    ClaimCommandSupport.Notify(db, claim, now);
                }

                await db.SaveChangesAsync(cancellationToken);

                return FeatureOutcome.Success($"批次 {batch.Number} 已登记支付结果：支付 {batch.Paid}，失败 {batch.FailedCount} 笔。", batch.Id);
            });
        }
    }
}
