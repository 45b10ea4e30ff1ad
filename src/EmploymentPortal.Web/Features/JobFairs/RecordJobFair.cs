using EmploymentPortal.Data;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.JobFairs;

/// <summary>Bureau officers record a job fair with its participating enterprises, posts offered and intentions reached.</summary>
public static class RecordJobFair
{
    public sealed record Participant
    {
        public string EnterpriseCreditCode { get; set; } = string.Empty;

        public int? PostsOffered { get; set; }

        public int? Intentions { get; set; }
    }

    public sealed record Command
    {
        public string Name { get; set; } = string.Empty;

        public DateTime? Date { get; set; }

        public string Place { get; set; } = string.Empty;

        public List<Participant> Participants { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("请输入招聘会名称。").MaximumLength(100).WithMessage("招聘会名称不能超过 100 个字符。");
            RuleFor(c => c.Date).NotNull().WithMessage("请选择举办日期。");
            RuleFor(c => c.Place).NotEmpty().WithMessage("请输入举办地点。").MaximumLength(200).WithMessage("举办地点不能超过 200 个字符。");
            RuleForEach(c => c.Participants).NotNull().WithMessage("参会企业信息不能为空。").ChildRules(p =>
            {
                p.RuleFor(x => x.EnterpriseCreditCode).Custom((value, context) =>
                {
                    if (!UnifiedSocialCreditCode.TryParse(value, out _, out var error))
                    {
                        context.AddFailure(error);
                    }
                });
                p.RuleFor(x => x.PostsOffered).NotNull().WithMessage("请输入提供的岗位数。").GreaterThanOrEqualTo(0).WithMessage("岗位数不能为负数。");
                p.RuleFor(x => x.Intentions).NotNull().WithMessage("请输入达成就业意向的人数。").GreaterThanOrEqualTo(0).WithMessage("意向人数不能为负数。")
                    .LessThanOrEqualTo(x => x.PostsOffered ?? 0).WithMessage("达成就业意向的人数不能多于提供的岗位数。");
            });
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (!scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以登记招聘会。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var fair = new JobFair(command.Name, DateOnly.FromDateTime(command.Date!.Value), command.Place);
                for (var i = 0; i < command.Participants.Count; i++)
                {
                    var participant = command.Participants[i];
                    var code = UnifiedSocialCreditCode.Parse(participant.EnterpriseCreditCode).Value;
                    var enterpriseId = await db.Enterprises.Where(e => e.CreditCode == code).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
                    if (enterpriseId is null)
                    {
                        return FeatureOutcome.Field($"Participants[{i}].EnterpriseCreditCode", "没有使用该统一社会信用代码注册的企业。");
                    }

                    fair.RecordParticipant(enterpriseId.Value, participant.PostsOffered!.Value, participant.Intentions!.Value);
                }

                db.JobFairs.Add(fair);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已登记招聘会“{fair.Name}”：{fair.Participants.Count}家企业，{fair.PostsOffered}个岗位，达成就业意向{fair.Intentions}人。", fair.Id);
            });
        }
    }
}
