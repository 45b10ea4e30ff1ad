using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Unemployment;

/// <summary>
/// 失业登记 at the station of the community of habitual residence: the station confirms with the
/// resident that they are able and want to work and have no work now; the domain checks working
/// age and the rest and names every failed condition. A registration number is issued.
/// </summary>
public static class RegisterUnemployment
{
    public enum OutcomeKind
    {
        Registered,
        Invalid,
        NotFound,
        Refused,
    }

    public sealed record Outcome(OutcomeKind Kind, CommandResult Result, string? RegistrationNumber = null, IReadOnlyList<string>? Refusals = null);

    public sealed record Command
    {
        public bool AbleToWork { get; set; }

        public bool WantsWork { get; set; }

        public bool CurrentlyUnemployed { get; set; }

        /// <summary>The community whose station takes the registration; the resident's own when not given.</summary>
        public Guid? RegisteringCommunityId { get; set; }

        /// <summary>The day of registration; today when not given.</summary>
        public DateOnly? RegisteredOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.RegisteredOn)
                .Must(d => d is null || d <= calendar.Today).WithMessage("登记日期不能晚于今天。");
        }
    }

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly IValidator<Command> _validator;
        private readonly PortalCalendar _calendar;

        public Handler(OperationScope scope, IValidator<Command> validator, PortalCalendar calendar)
        {
            _scope = scope;
            _validator = validator;
            _calendar = calendar;
        }

        public async Task<Outcome> HandleAsync(Guid residentId, Command command, CancellationToken cancellationToken = default)
        {
            var validation = await _validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return new(OutcomeKind.Invalid, CommandResult.FromValidation(validation));
            }

            var principal = _scope.Principal;
            if (!principal.IsStationStaff)
            {
                return NotFound();
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).Include(r => r.StatusHistory)
                    .FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken);
                if (resident is null)
                {
                    return NotFound();
                }

                var registeringCommunity = command.RegisteringCommunityId ?? resident.CommunityId;
                if (!principal.CommunityIds.Contains(registeringCommunity))
                {
                    return new Outcome(OutcomeKind.Invalid, CommandResult.FieldError(nameof(Command.RegisteringCommunityId), "办理社区不在您的服务范围内。"));
                }

                var date = command.RegisteredOn ?? _calendar.Today;
                var facts = new UnemploymentRegistrationFacts(command.AbleToWork, command.WantsWork, command.CurrentlyUnemployed, registeringCommunity);
                var refusals = resident.CheckUnemploymentRegistration(facts, date);
                if (refusals.Count > 0)
                {
                    var message = "不能办理失业登记：" + string.Join(string.Empty, refusals);
                    return new Outcome(OutcomeKind.Refused, CommandResult.Failure(message, new Dictionary<string, string[]> { [string.Empty] = [.. refusals] }), Refusals: refusals);
                }

                // Two stations of the same community may take a number at once: the unique index
                // refuses the second, which then takes the next number.
                for (var attempt = 1; ; attempt++)
                {
                    var number = await NextRegistrationNumberAsync(db, registeringCommunity, date, cancellationToken);
                    resident.RegisterUnemployed(facts, date, number);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        return new Outcome(OutcomeKind.Registered, CommandResult.Success($"已办理失业登记，登记号 {number}。"), number);
                    }
                    catch (DbUpdateException) when (attempt < 3)
                    {
                        db.ChangeTracker.Clear();
                        resident = await db.Residents.Include(r => r.StatusHistory).SingleAsync(r => r.Id == residentId, cancellationToken);
                        if (resident.CheckUnemploymentRegistration(facts, date) is { Count: > 0 } raced)
                        {
                            return new Outcome(OutcomeKind.Refused, CommandResult.Failure("不能办理失业登记：" + string.Join(string.Empty, raced)), Refusals: raced);
                        }
                    }
                }
            });
        }

        /// <summary>
        /// 失业登记号: “SY”, the community's division code, the year and month, and a sequence
        /// within them. The unique index on the number refuses a concurrent duplicate.
        /// </summary>
        private static async Task<string> NextRegistrationNumberAsync(PortalDbContext db, Guid communityId, DateOnly date, CancellationToken cancellationToken)
        {
            var code = await db.Communities.Where(c => c.Id == communityId).Select(c => c.Code).SingleAsync(cancellationToken);
            var prefix = $"SY{code}{date:yyyyMM}";
            var issued = await db.EmploymentStatusChanges.CountAsync(c => c.RegistrationNumber != null && c.RegistrationNumber.StartsWith(prefix), cancellationToken);
            return $"{prefix}{issued + 1:D4}";
        }

        private static Outcome NotFound() => new(OutcomeKind.NotFound, CommandResult.Failure("居民不存在，或您无权查看。"));
    }
}
