using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Transfers;

/// <summary>
/// 档案转移: a station whose registration was refused because another community holds the record
/// asks that station to hand it over; the holding station accepts (the record's community
/// changes, the request stays as history, both audited) or declines with a reason.
/// </summary>
public static class RequestTransfer
{
    public const string PendingCode = "resident-transfer-pending";
    public const string SameCommunityCode = "resident-transfer-same-community";

    public sealed record Command
    {
        /// <summary>The ID number the refused registration was for.</summary>
        public string IdNumber { get; set; } = string.Empty;

        /// <summary>The requesting station's community, where the record should move.</summary>
        public Guid ToCommunityId { get; set; }

        /// <summary>申请理由, e.g. 本人已迁入本社区居住.</summary>
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.IdNumber).Custom((value, context) =>
            {
                if (!IdCardNumber.TryParse(value, out _, out var error, calendar.Today))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.ToCommunityId).NotEmpty().WithMessage("请选择转入社区。");
            RuleFor(c => c.Reason).MaximumLength(200).WithMessage("申请理由不能超过 200 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, TimeProvider time) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff || !principal.CommunityIds.Contains(command.ToCommunityId))
            {
                return FeatureOutcome.MissingField(nameof(Command.ToCommunityId), "所选社区不存在，或不在您的服务范围内。");
            }

            var idNumber = IdCardNumber.Parse(command.IdNumber).Value;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();

                // Read without the caller's scope on purpose: only the holder's community name leaves.
                var holder = await (from r in db.Residents.AsNoTracking().WithIdNumber(db, idNumber)
                                    join c in db.Communities on r.CommunityId equals c.Id
                                    select new { r.Id, r.CommunityId, Community = c.Name }).FirstOrDefaultAsync(cancellationToken);
                if (holder is null)
                {
                    return FeatureOutcome.MissingField(nameof(Command.IdNumber), "该身份证号码在本市没有登记记录，请直接办理登记。");
                }

                if (holder.CommunityId == command.ToCommunityId)
                {
                    return FeatureOutcome.Conflicting(SameCommunityCode, "该居民已在本社区登记，无需转移。");
                }

                if (await db.ResidentTransferRequests.AnyAsync(t => t.ResidentId == holder.Id && t.Status == TransferRequestStatus.Pending, cancellationToken))
                {
                    return FeatureOutcome.Conflicting(PendingCode, $"该居民已有一份待“{holder.Community}”处理的转移申请，请等待对方处理。");
                }

                var request = new ResidentTransferRequest(holder.Id, holder.CommunityId, command.ToCommunityId, command.Reason, principal.DisplayName, time.GetUtcNow());
                db.ResidentTransferRequests.Add(request);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已向“{holder.Community}”服务站提交转移申请，对方接受后档案转入本社区。", request.Id);
            });
        }
    }
}
