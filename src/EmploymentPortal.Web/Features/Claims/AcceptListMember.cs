using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// 认定开放列举成员: where the policy text lists with 等 (餐饮、零售、旅游…等特困行业; 脱贫劳动力、农民工、
/// 失业人员等重点群体), a claim whose value the list does not name goes to an officer (flag
/// <see cref="DecisionFlags.OpenList"/>). A bureau officer who is not the claim's maker accepts that
/// member with a written reason: the claim is decided again with the acceptance recorded as the
/// condition's <c>review.*</c> fact (flag <see cref="DecisionFlags.OpenListAccepted"/>), and the
/// claim's history keeps who accepted which member and why (audited). Approval is then the usual one.
/// </summary>
public static class AcceptListMember
{
    public sealed record Command(Guid ClaimId, string? Fact, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Fact).Must(f => !string.IsNullOrWhiteSpace(f)).WithMessage("请选择要认定的事实（开放列举的条件）。");
            RuleFor(c => c.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("认定开放列举之外的成员必须写明理由。")
                .Must(r => r!.Length <= 1000).WithMessage("理由不能超过 1000 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, TimeProvider time, ClaimDecider decider) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer || principal.UserId is null)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以认定开放列举的成员。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var claim = await db.Claims.WithEventsAndMonths().FirstOrDefaultAsync(c => c.Id == command.ClaimId, cancellationToken);
                if (claim is null)
                {
                    return FeatureOutcome.Missing("补贴申请");
                }

                if (claim.IsMaker(principal.UserId))
                {
                    return FeatureOutcome.Denied("申请的制单人或提交人不能认定开放列举的成员（须由他人审核）。");
                }

                // The open-list condition of the claim's rule on that fact, and the value the claim holds.
                var condition = decider.Rule(claim.RuleId)?.Conditions.FirstOrDefault(c => c.Check == "oneOfOpen" && c.Args.GetValueOrDefault("fact") == command.Fact);
                var decision = JsonNode.Parse(claim.DecisionJson);
                var flagged = decision?["flags"] is JsonArray flags && flags.Any(f => f?.GetValue<string>() == DecisionFlags.OpenList);
                var value = new FactReader(JsonNode.Parse(claim.FactsJson) as JsonObject ?? [], trace: false).OptionalText(command.Fact!);
                if (condition is null || !flagged || value is null)
                {
                    return FeatureOutcome.Field("fact", $"该申请的规则判定中没有待认定的开放列举条件“{command.Fact}”。");
                }

                // review.acceptedIndustry = hotel: the officer's acceptance, as the condition reads it.
                var accepted = new JsonObject();
                ClaimFacts.Set(accepted, condition.Args["accepted"], value);
                var member = $"{command.Fact} = {value}（{condition.Description}）";
                try
                {
                    var stated = JsonNode.Parse(claim.StatedFactsJson) as JsonObject ?? [];
                    var decided = await decider.RedecideAsync(db, claim, stated, claim.DecidedOn, cancellationToken, accepted["review"] as JsonObject);
                    claim.AcceptListMember(decided.Decision, ClaimCommandSupport.Actor(principal), member, command.Reason!, time.GetUtcNow());
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (ClaimRefusedException e)
                {
                    return FeatureOutcome.Refused(e.Code, e.Message);
                }

                return FeatureOutcome.Success($"申请 {claim.Number}：已认定 {member}，规则判定{ClaimFormat.Outcome(claim.Outcome)}，金额 {ClaimFormat.Yuan(claim.Amount)}。", claim.Id);
            });
        }
    }
}
