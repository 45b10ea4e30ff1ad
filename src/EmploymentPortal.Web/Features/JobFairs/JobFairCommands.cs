using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
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
            RuleForEach(c => c.Participants).ChildRules(p =>
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

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly IValidator<Command> _validator;

        public Handler(OperationScope scope, IValidator<Command> validator)
        {
            _scope = scope;
            _validator = validator;
        }

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            if (!_scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以登记招聘会。");
            }

            var validation = await _validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return FeatureOutcome.Invalid(validation);
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var fair = new JobFair(command.Name, DateOnly.FromDateTime(command.Date!.Value), command.Place);
                try
                {
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
                }
                catch (DomainException e)
                {
                    return FeatureOutcome.FromDomain(e);
                }

                return FeatureOutcome.Success($"已登记招聘会“{fair.Name}”：{fair.Participants.Count}家企业，{fair.PostsOffered}个岗位，达成就业意向{fair.Intentions}人。", fair.Id);
            });
        }
    }
}

/// <summary>A year's job fairs against the configured targets.</summary>
public static class JobFairQueries
{
    public sealed record FairRow(Guid Id, string Name, DateOnly Date, string Place, int Enterprises, int PostsOffered, int Intentions);

    public sealed record YearView(JobFairYear Summary, IReadOnlyList<FairRow> Fairs);

    /// <summary>Targets from configuration (<c>JobFairs:Targets:FairsPerYear</c>, <c>:IntentionsPerYear</c>); Jieshou's by default.</summary>
    public static JobFairTargets Targets(IConfiguration configuration)
    {
        var defaults = new JobFairTargets();
        return new JobFairTargets(
            configuration.GetValue("JobFairs:Targets:FairsPerYear", defaults.FairsPerYear),
            configuration.GetValue("JobFairs:Targets:IntentionsPerYear", defaults.IntentionsPerYear));
    }

    public static async Task<YearView> YearAsync(PortalDbContext db, int year, JobFairTargets targets, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var fairs = await db.JobFairs.AsNoTracking().Include(f => f.Participants)
            .Where(f => f.Date >= first && f.Date <= last)
            .OrderByDescending(f => f.Date)
            .ToListAsync(cancellationToken);
        var rows = fairs.Select(f => new FairRow(f.Id, f.Name, f.Date, f.Place, f.Participants.Count, f.PostsOffered, f.Intentions)).ToList();
        return new YearView(new JobFairYear(year, rows.Count, rows.Sum(r => r.PostsOffered), rows.Sum(r => r.Intentions), targets), rows);
    }
}
