using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Households;

/// <summary>
/// Station staff record a household and its members (for 零就业家庭), or correct one. A member
/// whose ID number is in the resident registry is linked to that record. After saving, the
/// household is assessed: flagged as a zero-employment family, or cleared with the date.
/// </summary>
public static class SaveHousehold
{
    public sealed record MemberInput
    {
        /// <summary>An existing member's id: a blank ID number then keeps the stored one (forms show it masked).</summary>
        public Guid? Id { get; set; }

        public HouseholdRelation Relation { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? IdNumber { get; set; }

        public bool AbleToWork { get; set; } = true;

        public bool WantsWork { get; set; } = true;

        public bool Employed { get; set; }
    }

    public sealed record Command
    {
        /// <summary>The household to correct, from the route (<c>/households/{id}</c>) or the page; null records a new one. Not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid? HouseholdId { get; set; }

        public Guid CommunityId { get; set; }

        public string? Address { get; set; }

        public List<MemberInput> Members { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.CommunityId).NotEmpty().WithMessage("请选择社区。");
            RuleFor(c => c.Address).MaximumLength(200).WithMessage("地址不能超过 200 个字符。");
            RuleFor(c => c.Members).Must(m => m is { Count: > 0 }).WithMessage("家庭至少要有一名成员。")
                .Must(m => m is null || m.Count <= 20).WithMessage("家庭成员不能超过 20 人。")
                .Must(m => m is null || m.Count(x => x?.Relation == HouseholdRelation.Head) <= 1).WithMessage("一个家庭只能有一名户主。");
            RuleForEach(c => c.Members).NotNull().WithMessage("成员信息不能为空。").ChildRules(member =>
            {
                member.RuleFor(m => m.Name)
                    .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请输入成员姓名。")
                    .MaximumLength(50).WithMessage("姓名不能超过 50 个字符。");
                member.RuleFor(m => m.Relation).IsInEnum().WithMessage("与户主关系无效。");
                member.RuleFor(m => m.IdNumber).Custom((value, context) =>
                {
                    if (!string.IsNullOrWhiteSpace(value) && !IdCardNumber.TryParse(value, out _, out var error, calendar.Today))
                    {
                        context.AddFailure(error);
                    }
                });
            });
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff || !principal.CommunityIds.Contains(command.CommunityId))
            {
                return FeatureOutcome.MissingField(nameof(Command.CommunityId), "所选社区不存在，或不在您的服务范围内。");
            }

            var today = calendar.Today;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                Household household;
                if (command.HouseholdId is { } id)
                {
                    var communities = principal.CommunityIds.ToList();
                    var found = await db.Households.Include(h => h.Members)
                        .FirstOrDefaultAsync(h => h.Id == id && communities.Contains(h.CommunityId), cancellationToken);
                    if (found is null)
                    {
                        return FeatureOutcome.Missing("家庭");
                    }

                    household = found;
                    if (household.CommunityId != command.CommunityId)
                    {
                        return FeatureOutcome.Field(nameof(Command.CommunityId), "家庭所属社区不能在此修改。");
                    }

                    household.ChangeAddress(command.Address);
                }
                else
                {
                    household = new Household(command.CommunityId, command.Address);
                    db.Households.Add(household);
                }

                var members = new List<(HouseholdMemberData, Guid?)>();
                var stored = household.Members.ToDictionary(m => m.Id);
                foreach (var input in command.Members)
                {
                    IdCardNumber? idNumber = !string.IsNullOrWhiteSpace(input.IdNumber)
                        ? IdCardNumber.Parse(input.IdNumber)
                        : input.Id is { } memberId && stored.TryGetValue(memberId, out var old) && old.IdNumber is not null ? IdCardNumber.Parse(old.IdNumber) : null;
                    members.Add((new HouseholdMemberData(input.Relation, input.Name, idNumber, input.AbleToWork, input.WantsWork, input.Employed), null));
                }

                // Link members to their resident records (one record per ID number in the city).
                var numbers = members.Where(m => m.Item1.IdNumber is not null).Select(m => m.Item1.IdNumber!.Value.Value).ToList();
                var residents = await db.Residents.AsNoTracking().WithIdNumbers(db, numbers)
                    .Select(r => new { r.Id, r.IdNumber }).ToDictionaryAsync(r => r.IdNumber, r => r.Id, cancellationToken);
                var linked = members.Select(m => (m.Item1, m.Item1.IdNumber is { } n && residents.TryGetValue(n.Value, out var rid) ? rid : (Guid?)null)).ToList();
                household.SetMembers(linked);

                await ZeroEmploymentSync.ReassessAsync(db, [household], today, cancellationToken: cancellationToken);
                await db.SaveChangesAsync(cancellationToken);

                var message = household.IsZeroEmployment ? "已保存家庭信息：该家庭为零就业家庭。" : "已保存家庭信息。";
                return FeatureOutcome.Success(message, household.Id);
            });
        }
    }
}
