using System.Text.Json.Serialization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Posts;

/// <summary>Ends a placement (离岗) with a reason (the bureau, or the station of the resident's community).</summary>
public static class EndPlacement
{
    public sealed record Command
    {
        /// <summary>The placement, from the route (<c>/post-placements/{id}/exit</c>) or the page; not read from the body.</summary>
        [JsonIgnore]
        public Guid PlacementId { get; set; }

        public DateTime? LastDay { get; set; }

        public PlacementExitReason? Reason { get; set; }

        public bool Retained { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LastDay).NotNull().WithMessage("请选择离岗日期。");
            RuleFor(c => c.Reason).NotNull().WithMessage("请选择离岗原因。").IsInEnum().WithMessage("所选离岗原因无效。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (PostCommandSupport.PlacementDenied(scope.Principal) is { } denied)
            {
                return denied;
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var placement = await PostCommandSupport.PlacementInScopeAsync(db, scope.Principal, command.PlacementId, cancellationToken);
                if (placement is null)
                {
                    return FeatureOutcome.Missing("安置记录");
                }

                placement.Exit(DateOnly.FromDateTime(command.LastDay!.Value), command.Reason!.Value, command.Retained);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success("已办理离岗。", placement.Id);
            });
        }
    }
}
