using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Transfers;

/// <summary>
/// The station holding a record (the request's “from” community) accepts a transfer request (the
/// resident's community changes, the request stays as history) or declines it with a reason.
/// </summary>
public static class DecideTransfer
{
    public sealed record AcceptCommand
    {
        /// <summary>The request, from the route (<c>/resident-transfers/{id}/accept</c>) or the page.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid RequestId { get; set; }
    }

    public sealed record DeclineCommand
    {
        /// <summary>The request, from the route (<c>/resident-transfers/{id}/decline</c>) or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid RequestId { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class AcceptValidator : AbstractValidator<AcceptCommand>
    {
        public AcceptValidator() => RuleFor(c => c.RequestId).NotEmpty().WithMessage("请选择转移申请。");
    }

    public sealed class DeclineValidator : AbstractValidator<DeclineCommand>
    {
        public DeclineValidator()
        {
            RuleFor(c => c.RequestId).NotEmpty().WithMessage("请选择转移申请。");
            RuleFor(c => c.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写拒绝转移的原因。")
                .MaximumLength(200).WithMessage("原因不能超过 200 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, TimeProvider time) : ICommandHandler<AcceptCommand>, ICommandHandler<DeclineCommand>
    {
        public Task<FeatureOutcome> HandleAsync(AcceptCommand command, CancellationToken cancellationToken) =>
            DecideAsync(command.RequestId, (request, resident, who, at) =>
            {
                request.Accept(resident, who, at);
                return "已接受转移申请，该居民档案已转出。";
            }, cancellationToken);

        public Task<FeatureOutcome> HandleAsync(DeclineCommand command, CancellationToken cancellationToken) =>
            DecideAsync(command.RequestId, (request, _, who, at) =>
            {
                request.Decline(command.Reason!, who, at);
                return "已拒绝转移申请。";
            }, cancellationToken);

        /// <summary>Only the station holding the record (the request's “from” community) decides.</summary>
        private async Task<FeatureOutcome> DecideAsync(Guid requestId, Func<ResidentTransferRequest, Resident, string, DateTimeOffset, string> decide, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("转移申请");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var communities = principal.CommunityIds.ToList();
                var request = await db.ResidentTransferRequests.FirstOrDefaultAsync(t => t.Id == requestId && communities.Contains(t.FromCommunityId), cancellationToken);
                if (request is null)
                {
                    return FeatureOutcome.Missing("转移申请");
                }

                var resident = await db.Residents.SingleAsync(r => r.Id == request.ResidentId, cancellationToken);
                var message = decide(request, resident, principal.DisplayName, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success(message, request.Id);
            });
        }
    }
}
