using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Unemployment;

/// <summary>
/// 失业登记 at the station: the rules service decides the conditions (<see cref="RegistrationConditions"/>:
/// 邢南政发〔2020〕1号 (二十), and 界首市 二、(二)2 for migrant workers) on the facts the records hold
/// and those the station confirms with the resident. A person who does not meet them, or for whom a
/// fact is not stated, is refused (422 <c>unemployment-registration-refused</c>, every failed
/// condition and missing fact named, and the decisions in <c>conditions</c>): the clause opens the
/// register to the workers it describes and to no one else. A registration number is issued.
/// </summary>
public static class RegisterUnemployment
{
    public const string RefusedCode = "unemployment-registration-refused";

    /// <summary>The 失业登记号 issued.</summary>
    public static readonly OutcomeValue<string> RegistrationNumber = new("registrationNumber");

    /// <summary>Every condition the registration failed, one Chinese sentence each.</summary>
    public static readonly OutcomeValue<IReadOnlyList<string>> Refusals = new("refusals");

    /// <summary>The rules service's decisions on the conditions (on success and on refusal).</summary>
    public static readonly OutcomeValue<RegistrationConditionsResponse> Conditions = new("conditions");

    public sealed record Command
    {
        /// <summary>The resident, from the route (<c>/residents/{id}/unemployment-registration</c>) or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid ResidentId { get; set; }

        /// <summary>有劳动能力, as the resident confirms; not stated: 需补充信息.</summary>
        public bool? AbleToWork { get; set; }

        /// <summary>有就业要求, as the resident confirms; not stated: 需补充信息.</summary>
        public bool? WantsWork { get; set; }

        /// <summary>处于失业状态, as the resident confirms; ignored when the records show work (a current hire).</summary>
        public bool? CurrentlyUnemployed { get; set; }

        /// <summary>Where the registration is made when the registering community is not the one the resident lives in: hukou, employment, insured, other.</summary>
        public string? RegistrationPlace { get; set; }

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
            RuleFor(c => c.RegistrationPlace)
                .Must(p => p is null || StatedRegistrationFacts.Places.Contains(p))
                .WithMessage("登记地只能是 residence（常住地）、hukou（户籍地）、employment（就业地）、insured（参保地）或 other（其他地方）。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, RegistrationConditions conditions, PolicyCatalogueService policies) : ICommandHandler<Command>
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
                if (resident.CurrentStatus is { } status && status != EmploymentStatus.Deregistered)
                {
                    return Refused([status == EmploymentStatus.RegisteredUnemployed
                        ? "已办理失业登记，不能重复登记。"
                        : "已在就业失业管理中（当前状态不是注销），请办理状态变更而不是重新登记。"], null);
                }

                var stated = new StatedRegistrationFacts(command.AbleToWork, command.WantsWork, command.CurrentlyUnemployed, command.RegistrationPlace);
                var evaluation = await conditions.ForRegistrationAsync(db, resident, registeringCommunity, date, stated, cancellationToken);
                var decided = RegistrationConditionsResponse.From(evaluation, policies.Catalogue);
                if (!evaluation.Allowed)
                {
                    return Refused(RegistrationConditions.Refusals(evaluation, policies.Catalogue), decided);
                }

                // Two stations of the same community may take a number at once: the unique index
                // refuses the second, which then takes the next number.
                for (var attempt = 1; ; attempt++)
                {
                    var number = await NextRegistrationNumberAsync(db, registeringCommunity, date, cancellationToken);
                    resident.RegisterUnemployed(date, number);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        return FeatureOutcome.Success($"已办理失业登记，登记号 {number}。", resident.Id).With(RegistrationNumber, number).With(Conditions, decided);
                    }
                    catch (DbUpdateException e) when (attempt < 3 && e is not DbUpdateConcurrencyException)
                    {
                        // A concurrent change of the resident is the pipeline's 409; only the number is retried.
                        db.ChangeTracker.Clear();
                        resident = await db.Residents.Include(r => r.StatusHistory).SingleAsync(r => r.Id == residentId, cancellationToken);
                        if (resident.CurrentStatus is { } raced && raced != EmploymentStatus.Deregistered)
                        {
                            return Refused(["已办理失业登记，不能重复登记。"], decided);
                        }
                    }
                }
            });
        }

        /// <summary>422 <c>unemployment-registration-refused</c>, naming every failed condition (and with the decisions when the conditions were decided).</summary>
        private static FeatureOutcome Refused(IReadOnlyList<string> refusals, RegistrationConditionsResponse? decided)
        {
            var outcome = FeatureOutcome.Refused(RefusedCode, "不能办理失业登记：" + string.Join(string.Empty, refusals)).With(Refusals, refusals);
            return decided is null ? outcome : outcome.With(Conditions, decided);
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
    }
}
