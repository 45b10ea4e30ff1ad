using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Hires;

/// <summary>
/// The enterprise (or the resident's station) records that social insurance for a hire started
/// or stopped; the only change of a hire after it is recorded. Hires outside the caller's scope
/// are "not found".
/// </summary>
public static class UpdateHireInsurance
{
    public sealed record Command
    {
        public bool Paid { get; set; }

        public DateTime? From { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.From).NotNull().When(c => c.Paid).WithMessage("缴纳社会保险时请选择参保起始月份。");
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

        public async Task<FeatureOutcome> HandleAsync(Guid hireId, Command command, CancellationToken cancellationToken = default)
        {
            var validation = await _validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return FeatureOutcome.Invalid(validation);
            }

            var principal = _scope.Principal;
            if (!principal.IsEnterpriseUser && !principal.IsStationStaff)
            {
                return FeatureOutcome.Denied("只有企业用户或社区服务站工作人员可以修改录用信息。");
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var hire = await db.Hires.VisibleTo(db, principal).FirstOrDefaultAsync(h => h.Id == hireId, cancellationToken);
                if (hire is null)
                {
                    return FeatureOutcome.Missing("录用记录");
                }

                try
                {
                    hire.UpdateSocialInsurance(command.Paid, command.From is { } from ? DateOnly.FromDateTime(from) : null);
                    await db.SaveChangesAsync(cancellationToken);
                    return FeatureOutcome.Success("参保信息已更新。", hire.Id);
                }
                catch (DomainException e)
                {
                    return FeatureOutcome.Field(nameof(Command.From), e.Message, e.Code);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return FeatureOutcome.Concurrency();
                }
            });
        }
    }
}
