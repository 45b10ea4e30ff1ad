using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
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

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly IValidator<Command> _validator;
        private readonly TimeProvider _time;

        public Handler(OperationScope scope, IValidator<Command> validator, TimeProvider time)
        {
            _scope = scope;
            _validator = validator;
            _time = time;
        }

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var validation = await _validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return FeatureOutcome.Invalid(validation);
            }

            var principal = _scope.Principal;
            if (!principal.IsStationStaff || !principal.CommunityIds.Contains(command.ToCommunityId))
            {
                return FeatureOutcome.Field(nameof(Command.ToCommunityId), "所选社区不存在，或不在您的服务范围内。", FeatureOutcome.NotFound);
            }

            var idNumber = IdCardNumber.Parse(command.IdNumber).Value;
            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();

                // Read without the caller's scope on purpose: only the holder's community name leaves.
                var holder = await (from r in db.Residents.AsNoTracking().WithIdNumber(db, idNumber)
                                    join c in db.Communities on r.CommunityId equals c.Id
                                    select new { r.Id, r.CommunityId, Community = c.Name }).FirstOrDefaultAsync(cancellationToken);
                if (holder is null)
                {
                    return FeatureOutcome.Field(nameof(Command.IdNumber), "该身份证号码在本市没有登记记录，请直接办理登记。", FeatureOutcome.NotFound);
                }

                if (holder.CommunityId == command.ToCommunityId)
                {
                    return new FeatureOutcome(CommandResult.Failure("该居民已在本社区登记，无需转移。"), SameCommunityCode);
                }

                if (await db.ResidentTransferRequests.AnyAsync(t => t.ResidentId == holder.Id && t.Status == TransferRequestStatus.Pending, cancellationToken))
                {
                    return new FeatureOutcome(CommandResult.Failure($"该居民已有一份待“{holder.Community}”处理的转移申请，请等待对方处理。"), PendingCode);
                }

                var request = new ResidentTransferRequest(holder.Id, holder.CommunityId, command.ToCommunityId, command.Reason, principal.DisplayName, _time.GetUtcNow());
                db.ResidentTransferRequests.Add(request);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已向“{holder.Community}”服务站提交转移申请，对方接受后档案转入本社区。", request.Id);
            });
        }
    }
}

public static class DecideTransfer
{
    public sealed record DeclineCommand
    {
        public string? Reason { get; set; }
    }

    public sealed class DeclineValidator : AbstractValidator<DeclineCommand>
    {
        public DeclineValidator()
        {
            RuleFor(c => c.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写拒绝转移的原因。")
                .MaximumLength(200).WithMessage("原因不能超过 200 个字符。");
        }
    }

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly IValidator<DeclineCommand> _validator;
        private readonly TimeProvider _time;

        public Handler(OperationScope scope, IValidator<DeclineCommand> validator, TimeProvider time)
        {
            _scope = scope;
            _validator = validator;
            _time = time;
        }

        public Task<FeatureOutcome> AcceptAsync(Guid requestId, CancellationToken cancellationToken = default) =>
            DecideAsync(requestId, (request, resident, who, at) =>
            {
                request.Accept(resident, who, at);
                return "已接受转移申请，该居民档案已转出。";
            }, cancellationToken);

        public async Task<FeatureOutcome> DeclineAsync(Guid requestId, DeclineCommand command, CancellationToken cancellationToken = default)
        {
            var validation = await _validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return FeatureOutcome.Invalid(validation);
            }

            return await DecideAsync(requestId, (request, _, who, at) =>
            {
                request.Decline(command.Reason!, who, at);
                return "已拒绝转移申请。";
            }, cancellationToken);
        }

        /// <summary>Only the station holding the record (the request's “from” community) decides.</summary>
        private async Task<FeatureOutcome> DecideAsync(Guid requestId, Func<ResidentTransferRequest, Resident, string, DateTimeOffset, string> decide, CancellationToken cancellationToken)
        {
            var principal = _scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("转移申请");
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var communities = principal.CommunityIds.ToList();
                var request = await db.ResidentTransferRequests.FirstOrDefaultAsync(t => t.Id == requestId && communities.Contains(t.FromCommunityId), cancellationToken);
                if (request is null)
                {
                    return FeatureOutcome.Missing("转移申请");
                }

                var resident = await db.Residents.SingleAsync(r => r.Id == request.ResidentId, cancellationToken);
                string message;
                try
                {
                    message = decide(request, resident, principal.DisplayName, _time.GetUtcNow());
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DomainException e)
                {
                    return FeatureOutcome.FromDomain(e);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return FeatureOutcome.Concurrency();
                }

                return FeatureOutcome.Success(message, request.Id);
            });
        }
    }
}

public static class TransferQueries
{
    /// <summary>
    /// A request as a station sees it. The resident's name appears only to the holding station
    /// (incoming) and, after acceptance, to the receiving one; the ID number is always masked.
    /// </summary>
    public sealed record TransferRow(
        Guid Id,
        bool Incoming,
        string? ResidentName,
        string MaskedIdNumber,
        string FromCommunityName,
        string ToCommunityName,
        string? Reason,
        string RequestedBy,
        DateTimeOffset RequestedAt,
        TransferRequestStatus Status,
        string? DecidedBy,
        DateTimeOffset? DecidedAt,
        string? DeclineReason,
        Guid? ResidentId);

    public static async Task<List<TransferRow>> ListAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!principal.IsStationStaff)
        {
            return [];
        }

        var communities = principal.CommunityIds.ToList();
        var rows = await (from t in db.ResidentTransferRequests.AsNoTracking()
                          where communities.Contains(t.FromCommunityId) || communities.Contains(t.ToCommunityId)
                          join r in db.Residents on t.ResidentId equals r.Id
                          join f in db.Communities on t.FromCommunityId equals f.Id
                          join to in db.Communities on t.ToCommunityId equals to.Id
                          orderby t.Status == TransferRequestStatus.Pending ? 0 : 1, t.Id descending
                          select new { t, r.Name, r.IdNumber, From = f.Name, To = to.Name })
            .Take(200).ToListAsync(cancellationToken);
        return rows.Select(x =>
        {
            var incoming = communities.Contains(x.t.FromCommunityId);
            var seesPerson = incoming || x.t.Status == TransferRequestStatus.Accepted;
            return new TransferRow(
                x.t.Id,
                incoming,
                seesPerson ? x.Name : null,
                IdCardNumber.TryParse(x.IdNumber, out var parsed, out _) ? parsed.Masked : "******************",
                x.From,
                x.To,
                x.t.Reason,
                x.t.RequestedBy,
                x.t.RequestedAt,
                x.t.Status,
                x.t.DecidedBy,
                x.t.DecidedAt,
                x.t.DeclineReason,
                seesPerson ? x.t.ResidentId : null);
        }).ToList();
    }

    public sealed record MoveRow(string FromCommunityName, string ToCommunityName, DateTimeOffset? DecidedAt, string? DecidedBy, string RequestedBy);

    /// <summary>The accepted moves of a resident's record, oldest first (its community history).</summary>
    public static Task<List<MoveRow>> MovesOfAsync(PortalDbContext db, Guid residentId, CancellationToken cancellationToken = default) =>
        (from t in db.ResidentTransferRequests.AsNoTracking()
         where t.ResidentId == residentId && t.Status == TransferRequestStatus.Accepted
         join f in db.Communities on t.FromCommunityId equals f.Id
         join to in db.Communities on t.ToCommunityId equals to.Id
         orderby t.Id
         select new MoveRow(f.Name, to.Name, t.DecidedAt, t.DecidedBy, t.RequestedBy))
        .ToListAsync(cancellationToken);

    public static string Of(TransferRequestStatus status) => status switch
    {
        TransferRequestStatus.Pending => "待处理",
        TransferRequestStatus.Accepted => "已接受",
        _ => "已拒绝",
    };
}
