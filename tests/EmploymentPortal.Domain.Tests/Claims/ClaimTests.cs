using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Claims;

public sealed class ClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private const string Reason = "现场核查后核定";
    private static readonly ClaimActor Station = new("station-id", "张站长");
    private static readonly ClaimActor Officer1 = new("officer1-id", "经办一");
    private static readonly ClaimActor Officer2 = new("officer2-id", "经办二");
    private static readonly Money HardCeiling = Money.FromFen(100_000_000);
    private static readonly ClaimApprovalLimits Limits = new(Money.FromFen(300_000), HardCeiling);

    [Fact]
    public void Whoever_submitted_a_claim_can_never_approve_it()
    {
        var claim = Submitted(Officer1, 100_000);

        var error = Assert.Throws<DomainException>(() => claim.Approve(Officer1, null, null, Limits, Now));

        Assert.Equal("claim-maker-cannot-approve", error.Code);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
    }

    [Fact]
    public void Above_the_threshold_the_first_approval_waits_for_a_different_second_officer()
    {
        var claim = Submitted(Station, 500_000);

        claim.Approve(Officer1, null, null, Limits, Now);
        var again = Assert.Throws<DomainException>(() => claim.Approve(Officer1, null, null, Limits, Now));
        var batchTooEarly = Assert.Throws<DomainException>(() => PaymentBatch.Create([claim], Officer2, HardCeiling, Now));
        claim.Approve(Officer2, null, null, Limits, Now);

        Assert.Equal("claim-second-approver-required", again.Code);
        Assert.Equal("claim-not-approved", batchTooEarly.Code);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal(Money.FromFen(300_000), claim.SecondApprovalThreshold);
        Assert.Equal("officer2-id", claim.SecondApproverId);
    }

    [Fact]
    public void At_or_below_the_threshold_one_approval_is_enough()
    {
        var claim = Submitted(Station, 300_000);

        claim.Approve(Officer1, null, null, Limits, Now);

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Null(claim.SecondApprovalThreshold);
    }

    [Theory]
    [InlineData(ClaimOutcome.Ineligible, 100_000L)]
    [InlineData(ClaimOutcome.Eligible, 50_000L)]
    public void Approving_against_the_rules_or_another_amount_needs_a_reason(ClaimOutcome outcome, long amount)
    {
        var claim = Submitted(Station, 100_000, outcome);

        var limits = Limits with { BenefitCeiling = new BenefitCeiling("entrepreneurship", Money.FromFen(500_000), "江人社〔2026〕9号", Officer2, Now) };
        var error = Assert.Throws<DomainException>(() => claim.Approve(Officer1, Money.FromFen(amount), " ", limits, Now));
        claim.Approve(Officer1, Money.FromFen(amount), "现场核查后核定", limits, Now);

        Assert.Equal("claim-override-reason-required", error.Code);
        Assert.Equal(Money.FromFen(amount), claim.Amount);
        Assert.Equal("现场核查后核定", claim.OverrideReason);
    }

    [Fact]
    public void A_claim_that_needs_information_cannot_be_submitted_and_says_which_facts()
    {
        var claim = Claim.Draft(Subject(), new ClaimPayee("张三", "6222", null), Decision(ClaimOutcome.NeedsInformation, null, ["business.startDate", "business.firstBusiness"]), "k", Station, Now);

        var error = Assert.Throws<DomainException>(() => claim.Submit(Decision(ClaimOutcome.NeedsInformation, null, ["business.startDate", "business.firstBusiness"]), Station, Now));

        Assert.Equal("claim-needs-information", error.Code);
        Assert.Contains("business.startDate、business.firstBusiness", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejecting_frees_the_once_only_key_and_needs_a_reason()
    {
        var claim = Submitted(Station, 100_000);

        Assert.Throws<DomainException>(() => claim.Reject(Officer1, "", Now));
        claim.Reject(Officer1, "材料不全", Now);

        Assert.Null(claim.OnceOnlyKey);
        Assert.Equal(ClaimStatus.Rejected, claim.Status);
    }

    [Fact]
    public void A_partly_failed_batch_pays_the_others_and_returns_the_failed_claim_to_approved()
    {
        var a = Approved(100_000);
        var b = Approved(200_000);
        var batch = PaymentBatch.Create([a, b], Officer2, HardCeiling, Now);

        batch.Settle([a, b], new Dictionary<Guid, string> { [b.Id] = "账号有误" }, Officer2, HardCeiling, Now);

        Assert.Equal(Money.FromFen(300_000), batch.Total);
        Assert.Equal(Money.FromFen(100_000), batch.Paid);
        Assert.Equal(PaymentBatchStatus.PartlyFailed, batch.Status);
        Assert.Equal(ClaimStatus.Paid, a.Status);
        Assert.Equal(ClaimStatus.Approved, b.Status);
        Assert.Null(b.PaymentBatchId);
        Assert.Equal("账号有误", b.PaymentFailure);
    }

    [Fact]
    public void A_batch_whose_claims_do_not_add_up_to_its_total_is_refused()
    {
        var a = Approved(100_000);
        var batch = PaymentBatch.Create([a], Officer2, HardCeiling, Now);

        var error = Assert.Throws<DomainException>(() => batch.EnsureReconciles([a, Approved(1)], HardCeiling));

        Assert.Equal("batch-totals-mismatch", error.Code);
    }

    [Fact]
    public void An_officer_accepts_another_member_of_an_open_list_with_a_reason_and_the_claim_is_decided_again()
    {
        var claim = Submitted(Station, 100_000, ClaimOutcome.ManualReview);
        var accepted = Decision(ClaimOutcome.Eligible, 80_000, []);

        var noReason = Assert.Throws<DomainException>(() => claim.AcceptListMember(accepted, Officer1, "person.group = veteran", " ", Now));
        var byMaker = Assert.Throws<DomainException>(() => claim.AcceptListMember(accepted, Station, "person.group = veteran", "退役军人属于重点群体", Now));
        claim.AcceptListMember(accepted, Officer1, "person.group = veteran", "退役军人属于重点群体", Now);

        Assert.Equal("claim-reason-required", noReason.Code);
        Assert.Equal("claim-maker-cannot-approve", byMaker.Code);
        Assert.Equal(ClaimOutcome.Eligible, claim.Outcome);
        Assert.Equal(Money.FromFen(80_000), claim.RulesAmount);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        var recorded = claim.Events[^1];
        Assert.Equal("officer1-id", recorded.ActorId);
        Assert.Equal(ClaimStatus.Submitted, recorded.ToStatus);
        Assert.Equal("认定开放列举成员 person.group = veteran：退役军人属于重点群体", recorded.Note);
    }

    [Fact]
    public void An_open_list_member_is_accepted_only_while_the_claim_is_in_review()
    {
        var claim = Approved(100_000);

        var error = Assert.Throws<DomainException>(() => claim.AcceptListMember(Decision(ClaimOutcome.Eligible, 1, []), Officer2, "person.group = veteran", "理由", Now));

        Assert.Equal("claim-not-under-review", error.Code);
    }

    // Issue 13, point 1: the bounds of an approved amount at their edges (0, −1, the rules' amount
    // and one fen above it, 2⁶³−1, the hard ceiling and the bureau's ceiling and one fen above each).
    [Fact]
    public void Zero_is_refused_whether_typed_or_computed_by_the_rules()
    {
        var typed = Submitted(Station, 100_000);
        var computedZero = Submitted(Station, 0);

        var typedError = Assert.Throws<DomainException>(() => typed.Approve(Officer1, Money.Zero, Reason, Limits, Now));
        var computedError = Assert.Throws<DomainException>(() => computedZero.Approve(Officer1, null, null, Limits, Now));

        Assert.Equal("claim-amount-not-positive", typedError.Code);
        Assert.Equal("claim-amount-not-positive", computedError.Code);
        Assert.Contains("驳回", typedError.Message, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Submitted, typed.Status);
    }

    [Fact]
    public void Minus_one_fen_cannot_even_be_expressed_as_an_amount()
    {
        var error = Assert.Throws<DomainException>(() => Money.FromFen(-1));

        Assert.Equal("money-negative", error.Code);
    }

    [Fact]
    public void The_rules_amount_below_the_threshold_is_approved_by_one_officer()
    {
        var claim = Submitted(Station, 100_000);

        claim.Approve(Officer1, Money.FromFen(100_000), null, Limits, Now);

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.False(claim.SecondApprovalRequired);
        Assert.Null(claim.OverrideReason);
    }

    [Fact]
    public void One_fen_above_the_rules_amount_needs_a_reason_and_a_second_officer_below_the_threshold()
    {
        var claim = Submitted(Station, 100_000);
        var amount = Money.FromFen(100_001);

        var noReason = Assert.Throws<DomainException>(() => claim.Approve(Officer1, amount, " ", Limits, Now));
        claim.Approve(Officer1, amount, Reason, Limits, Now);
        var batchTooEarly = Assert.Throws<DomainException>(() => PaymentBatch.Create([claim], Officer2, HardCeiling, Now));
        var sameOfficer = Assert.Throws<DomainException>(() => claim.Approve(Officer1, null, null, Limits, Now));
        var stateAfterFirst = (claim.Status, claim.SecondApprovalRequired, claim.SecondApprovalThreshold);
        claim.Approve(Officer2, null, null, Limits, Now);

        Assert.Equal("claim-override-reason-required", noReason.Code);
        Assert.Contains("复核", noReason.Message, StringComparison.Ordinal);
        Assert.Equal((ClaimStatus.AwaitingSecondApproval, true, (Money?)null), stateAfterFirst);
        Assert.Equal("claim-not-approved", batchTooEarly.Code);
        Assert.Equal("claim-second-approver-required", sameOfficer.Code);
        Assert.Equal((ClaimStatus.Approved, 100_001L, "officer2-id"), (claim.Status, claim.Amount!.Value.Fen, claim.SecondApproverId!));
    }

    [Fact]
    public void Less_than_the_rules_amount_with_a_reason_below_the_threshold_needs_one_officer()
    {
        var claim = Submitted(Station, 100_000);

        claim.Approve(Officer1, Money.FromFen(99_999), Reason, Limits, Now);

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal(Reason, claim.OverrideReason);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(100_000_001L)]
    public void Above_the_hard_ceiling_is_refused_even_with_a_reason(long fen)
    {
        var claim = Submitted(Station, 100_000);

        var error = Assert.Throws<DomainException>(() => claim.Approve(Officer1, Money.FromFen(fen), Reason, Limits, Now));

        Assert.Equal("claim-amount-above-hard-ceiling", error.Code);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(Money.FromFen(100_000), claim.Amount);
    }

    [Fact]
    public void The_hard_ceiling_itself_is_reachable_only_through_the_override_path()
    {
        var claim = Submitted(Station, 100_000);

        claim.Approve(Officer1, HardCeiling, Reason, Limits, Now);

        Assert.Equal(ClaimStatus.AwaitingSecondApproval, claim.Status);
        Assert.Equal(HardCeiling, claim.Amount);
    }

    [Fact]
    public void A_rules_amount_above_the_hard_ceiling_is_not_approved_as_computed()
    {
        var claim = Submitted(Station, long.MaxValue);

        var error = Assert.Throws<DomainException>(() => claim.Approve(Officer1, null, null, Limits, Now));

        Assert.Equal("claim-amount-above-hard-ceiling", error.Code);
    }

    [Fact]
    public void Without_a_rules_amount_the_bureau_ceiling_is_required_and_bounds_the_amount()
    {
        var ceiling = new BenefitCeiling("entrepreneurship", Money.FromFen(60_000), "江人社〔2026〕12号 第二条", Officer2, Now);
        var withCeiling = Limits with { BenefitCeiling = ceiling };
        var claim = Submitted(Station, 0, ClaimOutcome.ManualReview);

        var missing = Assert.Throws<DomainException>(() => claim.Approve(Officer1, Money.FromFen(50_000), Reason, Limits, Now));
        var noReason = Assert.Throws<DomainException>(() => claim.Approve(Officer1, Money.FromFen(50_000), null, withCeiling, Now));
        var above = Assert.Throws<DomainException>(() => claim.Approve(Officer1, Money.FromFen(60_001), Reason, withCeiling, Now));
        claim.Approve(Officer1, Money.FromFen(60_000), Reason, withCeiling, Now);

        Assert.Equal("claim-benefit-ceiling-missing", missing.Code);
        Assert.Equal("claim-override-reason-required", noReason.Code);
        Assert.Equal("claim-amount-above-benefit-ceiling", above.Code);
        Assert.Contains("江人社〔2026〕12号", above.Message, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.AwaitingSecondApproval, claim.Status);
        Assert.True(claim.SecondApprovalRequired);
    }

    [Fact]
    public void A_ceiling_lowered_before_the_second_approval_stops_it()
    {
        var claim = Submitted(Station, 0, ClaimOutcome.ManualReview);
        claim.Approve(Officer1, Money.FromFen(60_000), Reason, Limits with { BenefitCeiling = new BenefitCeiling("entrepreneurship", Money.FromFen(60_000), "江人社〔2026〕9号", Officer2, Now) }, Now);
        var lowered = Limits with { BenefitCeiling = new BenefitCeiling("entrepreneurship", Money.FromFen(50_000), "江人社〔2026〕12号", Officer2, Now.AddHours(1)) };

        var error = Assert.Throws<DomainException>(() => claim.Approve(Officer2, null, null, lowered, Now));

        Assert.Equal("claim-amount-above-benefit-ceiling", error.Code);
        Assert.Equal(ClaimStatus.AwaitingSecondApproval, claim.Status);
    }

    [Fact]
    public void A_claim_returned_after_an_override_is_approved_afresh_at_the_rules_amount()
    {
        var claim = Submitted(Station, 100_000);
        claim.Approve(Officer1, Money.FromFen(100_001), Reason, Limits, Now);
        claim.ReturnForCorrection(Officer2, "请补充材料", Now);
        var decision = Decision(ClaimOutcome.Eligible, 100_000, []);
        claim.Submit(decision, Station, Now);

        claim.Approve(Officer1, null, null, Limits, Now);

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.False(claim.SecondApprovalRequired);
    }

    [Theory]
    [InlineData(0L, true)]
    [InlineData(100_000_000L, true)]
    [InlineData(100_000_001L, false)]
    [InlineData(-1L, false)]
    [InlineData(long.MaxValue, false)]
    [InlineData(long.MinValue, false)]
    public void A_stored_amount_is_sound_from_zero_to_the_hard_ceiling(long fen, bool sound)
    {
        Assert.Equal(sound, Claim.IsAmountSound(Money.FromStoredFen(fen), HardCeiling));
    }

    [Fact]
    public void A_bureau_ceiling_needs_an_amount_above_zero_and_a_basis()
    {
        var zero = Assert.Throws<DomainException>(() => new BenefitCeiling("training", Money.Zero, "江人社〔2026〕9号", Officer2, Now));
        var noBasis = Assert.Throws<DomainException>(() => new BenefitCeiling("training", Money.FromFen(1), " ", Officer2, Now));

        Assert.Equal("benefit-ceiling-amount", zero.Code);
        Assert.Equal("benefit-ceiling-basis", noBasis.Code);
    }

    private static Claim Approved(long amount)
    {
        var claim = Submitted(Station, amount);
        claim.Approve(Officer1, null, null, Limits with { SecondApprovalThreshold = Money.FromFen(1_000_000) }, Now);
        return claim;
    }

    private static Claim Submitted(ClaimActor by, long amount, ClaimOutcome outcome = ClaimOutcome.Eligible)
    {
        var decision = Decision(outcome, outcome == ClaimOutcome.Eligible ? amount : null, []);
        var claim = Claim.Draft(Subject(), new ClaimPayee("张三", "6222020200112233", null), decision, $"entrepreneurship|person:{Guid.NewGuid():N}", by, Now);
        claim.Submit(decision, by, Now);
        return claim;
    }

    private static ClaimSubject Subject() =>
        new("entrepreneurship", "nanhe-2020-1.entrepreneurship-returning-migrant", "返乡农民工一次性创业补贴", "邢南政发〔2020〕1号", ClaimantKind.Station, null, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "张三", "resident-records");

    private static ClaimDecision Decision(ClaimOutcome outcome, long? amount, IReadOnlyList<string> missing) =>
        new(outcome, amount is { } fen ? Money.FromFen(fen) : null, missing, "{}", "{}", "{}", "v1", new DateOnly(2026, 11, 22));
}
