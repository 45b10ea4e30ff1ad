using System.Text.Json.Serialization;
using EmploymentPortal.Data;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Posts;

/// <summary>Extends a running public-welfare placement once (the bureau, or the station of the resident's community).</summary>
public static class ExtendPlacement
{
    public sealed record Command
    {
        /// <summary>The placement, from the route (<c>/post-placements/{id}/extend</c>) or the page; not read from the body.</summary>
        [JsonIgnore]
        public Guid PlacementId { get; set; }

        /// <summary>How many months (the domain allows one extension of at most a year).</summary>
        public int? Months { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Months).NotNull().WithMessage("请输入延长的月数。");
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

                placement.Extend(command.Months!.Value);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已延长{command.Months}个月。", placement.Id);
            });
        }
    }
}
