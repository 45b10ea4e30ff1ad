using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Posts;

/// <summary>
/// Bureau officers run the public-welfare and internship post programmes: create a programme,
/// place a resident (named by full ID number; officers see the whole city), extend a
/// public-welfare placement once, and end a placement with a reason.
/// </summary>
public static class PostCommands
{
    public sealed record CreateProgramme
    {
        public string Name { get; set; } = string.Empty;

        public PostKind? Kind { get; set; } = PostKind.PublicWelfare;

        public string Owner { get; set; } = string.Empty;

        /// <summary>
        /// The unified social credit code of the registered enterprise that hosts the posts, when it
        /// is one: it then claims the unit's monthly subsidies itself, and its name is the owner.
        /// </summary>
        public string? HostCreditCode { get; set; }

        public int? Year { get; set; }

        public int? Posts { get; set; }

        /// <summary>Monthly post-subsidy basis per post, yuan (stored in fen).</summary>
        public decimal? MonthlySubsidyYuan { get; set; }

        public int? MaxDurationMonths { get; set; }
    }

    public sealed class CreateProgrammeValidator : AbstractValidator<CreateProgramme>
    {
        public CreateProgrammeValidator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("请输入项目名称。").MaximumLength(100).WithMessage("项目名称不能超过 100 个字符。");
            RuleFor(c => c.Kind).NotNull().WithMessage("请选择岗位类型。").IsInEnum().WithMessage("所选岗位类型无效。");
            RuleFor(c => c.Owner).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.HostCreditCode)).WithMessage("请输入开发单位，或填写平台注册企业的统一社会信用代码。")
                .MaximumLength(200).WithMessage("开发单位不能超过 200 个字符。");
            RuleFor(c => c.HostCreditCode).Custom((value, context) =>
            {
                if (!string.IsNullOrWhiteSpace(value) && !UnifiedSocialCreditCode.TryParse(value, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.Year).NotNull().WithMessage("请输入年度。").InclusiveBetween(2000, 2100).WithMessage("年度应在 2000 到 2100 之间。");
            RuleFor(c => c.Posts).NotNull().WithMessage("请输入岗位数量。").InclusiveBetween(1, 100_000).WithMessage("岗位数量应在 1 到 100000 之间。");
            RuleFor(c => c.MonthlySubsidyYuan).NotNull().WithMessage("请输入月岗位补贴标准。").InclusiveBetween(0, 1_000_000).WithMessage("月岗位补贴标准应在 0 到 1000000 元之间。")
                .Must(v => v is null || decimal.Round(v.Value, 2) == v.Value).WithMessage("金额最多两位小数。");
            RuleFor(c => c.MaxDurationMonths).NotNull().WithMessage("请输入最长期限。").InclusiveBetween(1, 120).WithMessage("最长期限应在 1 到 120 个月之间。");
        }
    }

    public sealed record Place
    {
        public string IdNumber { get; set; } = string.Empty;

        public DateTime? StartDate { get; set; }
    }

    public sealed class PlaceValidator : AbstractValidator<Place>
    {
        public PlaceValidator(PortalCalendar calendar)
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

    public sealed record Exit
    {
        public DateTime? LastDay { get; set; }

        public PlacementExitReason? Reason { get; set; }

        public bool Retained { get; set; }
    }

    public sealed class ExitValidator : AbstractValidator<Exit>
    {
        public ExitValidator()
        {
            RuleFor(c => c.LastDay).NotNull().WithMessage("请选择离岗日期。");
            RuleFor(c => c.Reason).NotNull().WithMessage("请选择离岗原因。").IsInEnum().WithMessage("所选离岗原因无效。");
        }
    }

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly IValidator<CreateProgramme> _createValidator;
        private readonly IValidator<Place> _placeValidator;
        private readonly IValidator<Exit> _exitValidator;

        public Handler(OperationScope scope, IValidator<CreateProgramme> createValidator, IValidator<Place> placeValidator, IValidator<Exit> exitValidator)
        {
            _scope = scope;
            _createValidator = createValidator;
            _placeValidator = placeValidator;
            _exitValidator = exitValidator;
        }

        public async Task<FeatureOutcome> CreateAsync(CreateProgramme command, CancellationToken cancellationToken = default)
        {
            if (Denied() is { } denied)
            {
                return denied;
            }

            var validation = await _createValidator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return FeatureOutcome.Invalid(validation);
            }

            return await SaveAsync(async db =>
            {
                var owner = command.Owner;
                Guid? host = null;
                if (!string.IsNullOrWhiteSpace(command.HostCreditCode))
                {
                    var code = UnifiedSocialCreditCode.Parse(command.HostCreditCode).Value;
                    var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == code)
                        .Select(e => new { e.Id, e.Name, e.Status }).FirstOrDefaultAsync(cancellationToken);
                    if (enterprise is null)
                    {
                        return (FeatureOutcome.Field(nameof(CreateProgramme.HostCreditCode), "没有以该统一社会信用代码注册的企业。"), Guid.Empty);
                    }

                    if (enterprise.Status != EnterpriseStatus.Verified)
                    {
                        return (FeatureOutcome.Field(nameof(CreateProgramme.HostCreditCode), "该企业尚未通过认证（或已暂停），不能作为岗位开发单位。"), Guid.Empty);
                    }

                    (owner, host) = (enterprise.Name, enterprise.Id);
                }

                var programme = new PostProgramme(command.Name, command.Kind!.Value, owner, command.Year!.Value, command.Posts!.Value, Money.FromYuan(command.MonthlySubsidyYuan!.Value), command.MaxDurationMonths!.Value, host);
                db.PostProgrammes.Add(programme);
                return ((FeatureOutcome?)null, programme.Id);
            }, id => $"已创建岗位项目“{command.Name.Trim()}”。");
        }

        /// <summary>
        /// Places a resident on a post of the programme: bureau officers anyone, station staff the
        /// residents of their own communities (the station arranges the 托底安置 it followed up).
        /// </summary>
        public async Task<FeatureOutcome> PlaceAsync(Guid programmeId, Place command, CancellationToken cancellationToken = default)
        {
            var principal = _scope.Principal;
            if (PlacementDenied() is { } denied)
            {
                return denied;
            }

            var validation = await _placeValidator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return FeatureOutcome.Invalid(validation);
            }

            return await SaveAsync(async db =>
            {
                var programme = await db.PostProgrammes.FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
                if (programme is null)
                {
                    return (FeatureOutcome.Missing("岗位项目"), Guid.Empty);
                }

                var idNumber = IdCardNumber.Parse(command.IdNumber).Value;
                var resident = await db.Residents.Include(r => r.StatusHistory).WithIdNumber(db, idNumber).FirstOrDefaultAsync(cancellationToken);
                if (resident is null)
                {
                    return (FeatureOutcome.Field(nameof(Place.IdNumber), "没有登记该身份证号码的居民；请先由社区服务站登记。"), Guid.Empty);
                }

                if (!principal.IsBureauOfficer && !principal.CanSeeCommunity(resident.CommunityId))
                {
                    return (FeatureOutcome.Field(nameof(Place.IdNumber), "该居民不在您负责的社区，不能由您安置。"), Guid.Empty);
                }

                var start = DateOnly.FromDateTime(command.StartDate!.Value);
                if (await db.PostPlacements.AnyAsync(p => p.ResidentId == resident.Id && p.EndedOn == null && p.PlannedEnd >= start, cancellationToken))
                {
                    return (new FeatureOutcome(CommandResult.Failure("该居民已在其他岗位项目中在岗，请先办理离岗。"), "placement-duplicate"), Guid.Empty);
                }

                var active = await db.PostPlacements.CountAsync(
                    p => p.ProgrammeId == programmeId && p.StartDate <= start && (p.EndedOn ?? p.PlannedEnd) >= start,
                    cancellationToken);
                var placement = PostPlacement.Place(programme, resident, start, active);
                db.PostPlacements.Add(placement);
                // A public-welfare post is employment: a zero-employment family is cleared at once.
                await Households.ZeroEmploymentSync.ReassessForResidentAsync(db, resident, start, cancellationToken);
                return ((FeatureOutcome?)null, placement.Id);
            }, _ => "已安置上岗。");
        }

        /// <summary>Extends a running public-welfare placement once (the bureau, or the station of the resident's community).</summary>
        public Task<FeatureOutcome> ExtendAsync(Guid placementId, int months, CancellationToken cancellationToken = default) =>
            PlacementDenied() is { } denied
                ? Task.FromResult(denied)
                : SaveAsync(async db =>
                {
                    var placement = await PlacementInScopeAsync(db, placementId, cancellationToken);
                    if (placement is null)
                    {
                        return (FeatureOutcome.Missing("安置记录"), Guid.Empty);
                    }

                    placement.Extend(months);
                    return ((FeatureOutcome?)null, placement.Id);
                }, _ => $"已延长{months}个月。");

        /// <summary>Ends a placement (the bureau, or the station of the resident's community).</summary>
        public async Task<FeatureOutcome> ExitAsync(Guid placementId, Exit command, CancellationToken cancellationToken = default)
        {
            if (PlacementDenied() is { } denied)
            {
                return denied;
            }

            var validation = await _exitValidator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return FeatureOutcome.Invalid(validation);
            }

            return await SaveAsync(async db =>
            {
                var placement = await PlacementInScopeAsync(db, placementId, cancellationToken);
                if (placement is null)
                {
                    return (FeatureOutcome.Missing("安置记录"), Guid.Empty);
                }

                placement.Exit(DateOnly.FromDateTime(command.LastDay!.Value), command.Reason!.Value, command.Retained);
                return ((FeatureOutcome?)null, placement.Id);
            }, _ => "已办理离岗。");
        }

        private FeatureOutcome? PlacementDenied() =>
            _scope.Principal.IsBureauOfficer || _scope.Principal.IsStationStaff ? null : FeatureOutcome.Denied("只有社区服务站或人社局经办人员可以办理岗位安置。");

        /// <summary>A placement the caller may change: one of a resident the caller sees (the bureau all, station staff their communities').</summary>
        private Task<PostPlacement?> PlacementInScopeAsync(PortalDbContext db, Guid placementId, CancellationToken cancellationToken) =>
            (from p in db.PostPlacements
             join r in db.Residents.VisibleTo(_scope.Principal) on p.ResidentId equals r.Id
             where p.Id == placementId
             select p).FirstOrDefaultAsync(cancellationToken);

        private FeatureOutcome? Denied() =>
            _scope.Principal.IsBureauOfficer ? null : FeatureOutcome.Denied("只有人社局经办人员可以管理公益性岗位和见习岗位。");

        private Task<FeatureOutcome> SaveAsync(Func<PortalDbContext, Task<(FeatureOutcome? Failure, Guid Id)>> work, Func<Guid, string> message) =>
            _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                try
                {
                    var (failure, id) = await work(db);
                    if (failure is not null)
                    {
                        return failure;
                    }

                    await db.SaveChangesAsync();
                    return FeatureOutcome.Success(message(id), id);
                }
                catch (DomainException e)
                {
                    return FeatureOutcome.FromDomain(e);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return FeatureOutcome.Concurrency();
                }
            });
    }
}
