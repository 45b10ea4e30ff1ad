using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
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
    public const string RefusedCode = "unemployment-registration-refused";

    /// <summary>The 失业登记号 issued.</summary>
    public static readonly OutcomeValue<string> RegistrationNumber = new("registrationNumber");

    /// <summary>Every condition the registration failed, one Chinese sentence each.</summary>
    public static readonly OutcomeValue<IReadOnlyList<string>> Refusals = new("refusals");

    public sealed record Command
    {
        /// <summary>The resident, from the route (<c>/residents/{id}/unemployment-registration</c>) or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid ResidentId { get; set; }

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

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("居民");
            }

            var residentId = command.ResidentId;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).Include(r => r.StatusHistory)
                    .FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                var registeringCommunity = command.RegisteringCommunityId ?? resident.CommunityId;
                if (!principal.CommunityIds.Contains(registeringCommunity))
                {
                    return FeatureOutcome.Field(nameof(Command.RegisteringCommunityId), "办理社区不在您的服务范围内。");
                }

                var date = command.RegisteredOn ?? calendar.Today;
                var facts = new UnemploymentRegistrationFacts(command.AbleToWork, command.WantsWork, command.CurrentlyUnemployed, registeringCommunity);
                var refusals = resident.CheckUnemploymentRegistration(facts, date);
                if (refusals.Count > 0)
                {
                    return Refused(refusals);
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
                        return FeatureOutcome.Success($"已办理失业登记，登记号 {number}。", resident.Id).With(RegistrationNumber, number);
                    }
                    catch (DbUpdateException e) when (attempt < 3 && e is not DbUpdateConcurrencyException)
                    {
                        // A concurrent change of the resident is the pipeline's 409; only the number is retried.
                        db.ChangeTracker.Clear();
                        resident = await db.Residents.Include(r => r.StatusHistory).SingleAsync(r => r.Id == residentId, cancellationToken);
                        if (resident.CheckUnemploymentRegistration(facts, date) is { Count: > 0 } raced)
                        {
                            return Refused(raced);
                        }
                    }
                }
            });
        }

        /// <summary>422 <c>unemployment-registration-refused</c>, naming every failed condition.</summary>
        private static FeatureOutcome Refused(IReadOnlyList<string> refusals) =>
            FeatureOutcome.Refused(RefusedCode, "不能办理失业登记：" + string.Join(string.Empty, refusals)).With(Refusals, refusals);

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
    }
}
