using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>
/// Records a resident's business start (登记自主创业): station staff, for a resident of their
/// communities, from the resident's page. The business's community is the resident's unless
/// another is named. When the registration number is the credit code of an enterprise of the
/// portal, the business is linked to it and its employees are counted from that enterprise's hires.
/// </summary>
public static class RecordBusinessStart
{
    public const string DuplicateCode = "business-start-duplicate";

    public sealed record Command
    {
        public Guid ResidentId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string RegistrationNumber { get; set; } = string.Empty;

        public BusinessType? Type { get; set; } = BusinessType.IndividualBusiness;

        public DateTime? StartDate { get; set; }

        public string Address { get; set; } = string.Empty;

        /// <summary>The community of the business's address; the resident's when empty.</summary>
        public Guid? CommunityId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.ResidentId).NotEmpty().WithMessage("请选择居民。");
            RuleFor(c => c.Name).NotEmpty().WithMessage("请填写经营主体名称。")
                .MaximumLength(BusinessStart.MaxNameLength).WithMessage($"经营主体名称不能超过 {BusinessStart.MaxNameLength} 个字符。");
            RuleFor(c => c.Type).NotNull().WithMessage("请选择市场主体类型。").IsInEnum().WithMessage("所选市场主体类型无效。");
            RuleFor(c => c.RegistrationNumber).Custom((value, context) =>
            {
                var type = context.InstanceToValidate.Type ?? BusinessType.IndividualBusiness;
                if (!BusinessRegistrationNumber.TryParse(value, type, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.StartDate).NotNull().WithMessage("请选择成立日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("成立日期不能晚于今天。");
            RuleFor(c => c.Address).NotEmpty().WithMessage("请填写经营场所。")
                .MaximumLength(BusinessStart.MaxAddressLength).WithMessage($"经营场所不能超过 {BusinessStart.MaxAddressLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Denied("只有社区服务站工作人员可以登记居民自主创业。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).FirstOrDefaultAsync(r => r.Id == command.ResidentId, cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                var communityId = command.CommunityId ?? resident.CommunityId;
                if (!await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken))
                {
                    return FeatureOutcome.MissingField(nameof(Command.CommunityId), "所选社区不存在。");
                }

                var number = BusinessRegistrationNumber.Parse(command.RegistrationNumber, command.Type!.Value);
                if (await db.BusinessStarts.AnyAsync(b => b.RegistrationNumber == number, cancellationToken))
                {
                    return Duplicate();
                }

                var enterpriseId = await db.Enterprises.Where(e => e.CreditCode == number).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
                var details = new BusinessStartDetails(command.Name, number, command.Type.Value, DateOnly.FromDateTime(command.StartDate!.Value), command.Address, communityId);
                var start = BusinessStart.Record(resident, details, enterpriseId, principal.UserName, calendar.Now, calendar.Today);
                db.BusinessStarts.Add(start);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
                {
                    return Duplicate();
                }

                return FeatureOutcome.Success($"已登记{resident.Name}的自主创业：{start.Name}。", start.Id);
            });
        }

        private static FeatureOutcome Duplicate() =>
            FeatureOutcome.Conflicting(DuplicateCode, "该统一社会信用代码（注册号）的创业实体已经登记过。");
    }
}
