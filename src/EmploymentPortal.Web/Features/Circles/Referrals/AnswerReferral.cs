using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Circles.Referrals;

/// <summary>The enterprise answers a referral to one of its vacancies: interviewed, hired or declined.</summary>
public static class AnswerReferral
{
    public sealed record Command(Guid ReferralId, ReferralStatus? Answer, string? Note);

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly TimeProvider _time;

        public Handler(OperationScope scope, TimeProvider time)
        {
            _scope = scope;
            _time = time;
        }

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            if (command.Answer is not { } answer || !Enum.IsDefined(answer) || answer == ReferralStatus.Referred)
            {
                return FeatureOutcome.Field("Answer", "请选择面试、录用或未录用。");
            }

            if (command.Note?.Length > 500)
            {
                return FeatureOutcome.Field("Note", "说明不能超过 500 个字符。");
            }

            var principal = _scope.Principal;
            if (principal.EnterpriseId is not { } enterpriseId)
            {
                return FeatureOutcome.Missing("推荐");
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var referral = await db.JobReferrals.FirstOrDefaultAsync(r => r.Id == command.ReferralId && r.EnterpriseId == enterpriseId, cancellationToken);
                if (referral is null)
                {
                    return FeatureOutcome.Missing("推荐");
                }

                try
                {
                    referral.Answer(answer, command.Note, _time.GetUtcNow());
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DomainException e)
                {
                    return FeatureOutcome.FromDomain(e);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return FeatureOutcome.Concurrency();
                }

                return FeatureOutcome.Success($"已反馈：{ReferralQueries.StatusText(answer)}。", referral.Id);
            });
        }
    }
}
