using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Circles.Referrals;

/// <summary>The enterprise answers a referral to one of its vacancies: interviewed, hired or declined.</summary>
public static class AnswerReferral
{
    public sealed record Command(Guid ReferralId, ReferralStatus? Answer, string? Note);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answer)
                .Must(a => a is { } answer && Enum.IsDefined(answer) && answer != ReferralStatus.Referred)
                .WithMessage("请选择面试、录用或未录用。");
            RuleFor(c => c.Note).MaximumLength(500).WithMessage("说明不能超过 500 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, TimeProvider time) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (scope.Principal.EnterpriseId is not { } enterpriseId)
            {
                return FeatureOutcome.Missing("推荐");
            }

            var answer = command.Answer!.Value;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var referral = await db.JobReferrals.FirstOrDefaultAsync(r => r.Id == command.ReferralId && r.EnterpriseId == enterpriseId, cancellationToken);
                if (referral is null)
                {
                    return FeatureOutcome.Missing("推荐");
                }

                referral.Answer(answer, command.Note, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已反馈：{ReferralQueries.StatusText(answer)}。", referral.Id);
            });
        }
    }
}
