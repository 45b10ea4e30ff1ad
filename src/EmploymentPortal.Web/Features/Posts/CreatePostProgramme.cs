using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Posts;

/// <summary>
/// A bureau officer creates a public-welfare or internship post programme for a year; its host is a
/// unit named by the officer or a verified enterprise of the portal named by its credit code.
/// </summary>
public static class CreatePostProgramme
{
    public sealed record Command
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

        /// <summary>Monthly post-subsidy basis per post.</summary>
        public Money? MonthlySubsidy { get; set; }

        public int? MaxDurationMonths { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        private static readonly Money MaximumMonthlySubsidy = Money.FromYuan(1_000_000);

        public Validator()
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
            RuleFor(c => c.MonthlySubsidy).NotNull().WithMessage("请输入月岗位补贴标准。")
                .Must(v => v is null || (!v.Value.IsNegative && v <= MaximumMonthlySubsidy)).WithMessage("月岗位补贴标准应在 0 到 1000000 元之间。");
            RuleFor(c => c.MaxDurationMonths).NotNull().WithMessage("请输入最长期限。").InclusiveBetween(1, 120).WithMessage("最长期限应在 1 到 120 个月之间。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (PostCommandSupport.ProgrammeDenied(scope.Principal) is { } denied)
            {
                return denied;
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var owner = command.Owner;
                Guid? host = null;
                if (!string.IsNullOrWhiteSpace(command.HostCreditCode))
                {
                    var code = UnifiedSocialCreditCode.Parse(command.HostCreditCode).Value;
                    var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == code)
                        .Select(e => new { e.Id, e.Name, e.Status }).FirstOrDefaultAsync(cancellationToken);
                    if (enterprise is null)
                    {
                        return FeatureOutcome.Field(nameof(Command.HostCreditCode), "没有以该统一社会信用代码注册的企业。");
                    }

                    if (enterprise.Status != EnterpriseStatus.Verified)
                    {
                        return FeatureOutcome.Field(nameof(Command.HostCreditCode), "该企业尚未通过认证（或已暂停），不能作为岗位开发单位。");
                    }

                    (owner, host) = (enterprise.Name, enterprise.Id);
                }

                var programme = new PostProgramme(command.Name, command.Kind!.Value, owner, command.Year!.Value, command.Posts!.Value, command.MonthlySubsidy!.Value, command.MaxDurationMonths!.Value, host);
                db.PostProgrammes.Add(programme);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已创建岗位项目“{command.Name.Trim()}”。", programme.Id);
            });
        }
    }
}
