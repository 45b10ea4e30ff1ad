using System.Text.Json.Serialization;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Posts;

/// <summary>
/// Places a resident (named by full ID number) on a post of a programme: bureau officers anyone,
/// station staff the residents of their own communities (the station arranges the 托底安置 it
/// followed up). A resident already on a post is a 409 <c>placement-duplicate</c>.
/// </summary>
public static class PlaceOnPost
{
    public const string DuplicateCode = "placement-duplicate";

    public sealed record Command
    {
        /// <summary>The programme, from the route (<c>/post-programmes/{id}/placements</c>) or the page; not read from the body.</summary>
        [JsonIgnore]
        public Guid ProgrammeId { get; set; }

        public string IdNumber { get; set; } = string.Empty;

        public DateTime? StartDate { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.IdNumber).Custom((value, context) =>
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    context.AddFailure("请输入身份证号码。");
                }
                else if (!IdCardNumber.TryParse(value, out _, out var error, calendar.Today))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.StartDate).NotNull().WithMessage("请选择上岗日期。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (PostCommandSupport.PlacementDenied(principal) is { } denied)
            {
                return denied;
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var programme = await db.PostProgrammes.FirstOrDefaultAsync(p => p.Id == command.ProgrammeId, cancellationToken);
                if (programme is null)
                {
                    return FeatureOutcome.Missing("岗位项目");
                }

                var idNumber = IdCardNumber.Parse(command.IdNumber).Value;
                var resident = await db.Residents.Include(r => r.StatusHistory).WithIdNumber(db, idNumber).FirstOrDefaultAsync(cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Field(nameof(Command.IdNumber), "没有登记该身份证号码的居民；请先由社区服务站登记。");
                }

                if (!principal.IsBureauOfficer && !principal.CanSeeCommunity(resident.CommunityId))
                {
                    return FeatureOutcome.Field(nameof(Command.IdNumber), "该居民不在您负责的社区，不能由您安置。");
                }

                var start = DateOnly.FromDateTime(command.StartDate!.Value);
                if (await db.PostPlacements.AnyAsync(p => p.ResidentId == resident.Id && p.EndedOn == null && p.PlannedEnd >= start, cancellationToken))
                {
                    return FeatureOutcome.Conflicting(DuplicateCode, "该居民已在其他岗位项目中在岗，请先办理离岗。");
                }

                var active = await db.PostPlacements.CountAsync(
                    p => p.ProgrammeId == command.ProgrammeId && p.StartDate <= start && (p.EndedOn ?? p.PlannedEnd) >= start,
                    cancellationToken);
                var placement = PostPlacement.Place(programme, resident, start, active);
                db.PostPlacements.Add(placement);

                // A public-welfare post is employment: a zero-employment family is cleared at once.
                await Households.ZeroEmploymentSync.ReassessForResidentAsync(db, resident, start, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success("已安置上岗。", placement.Id);
            });
        }
    }
}
