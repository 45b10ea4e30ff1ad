using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Tests.Claims;

public sealed class ClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static readonly ClaimActor Station = new("station-id", "张站长");
    private static readonly ClaimActor Officer1 = new("officer1-id", "经办一");
    private static readonly ClaimActor Officer2 = new("officer2-id", "经办二");

    [Fact]
    public void Whoever_submitted_a_claim_can_never_approve_it()
    {
        var claim = Submitted(Officer1, 100_000);

        var error = Assert.Throws<DomainException>(() => claim.Approve(Officer1, null, null, 300_000, Now));

        Assert.Equal("claim-maker-cannot-approve", error.Code);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
    }

    [Fact]
    public void Above_the_threshold_the_first_approval_waits_for_a_different_second_officer()
    {
        var claim = Submitted(Station, 500_000);

        claim.Approve(Officer1, null, null, 300_000, Now);
        var again = Assert.Throws<DomainException>(() => claim.Approve(Officer1, null, null, 300_000, Now));
        var batchTooEarly = Assert.Throws<DomainException>(() => PaymentBatch.Create([claim], Officer2, Now));
        claim.Approve(Officer2, null, null, 300_000, Now);

        Assert.Equal("claim-second-approver-required", again.Code);
        Assert.Equal("claim-not-approved", batchTooEarly.Code);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal(300_000, claim.SecondApprovalThresholdFen);
        Assert.Equal("officer2-id", claim.SecondApproverId);
    }

    [Fact]
    public void At_or_below_the_threshold_one_approval_is_enough()
    {
        var claim = Submitted(Station, 300_000);

        claim.Approve(Officer1, null, null, 300_000, Now);

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Null(claim.SecondApprovalThresholdFen);
    }

    [Theory]
    [InlineData(ClaimOutcome.Ineligible, 100_000L)]
    [InlineData(ClaimOutcome.Eligible, 50_000L)]
    public void Approving_against_the_rules_or_another_amount_needs_a_reason(ClaimOutcome outcome, long amount)
    {
        var claim = Submitted(Station, 100_000, outcome);

        var error = Assert.Throws<DomainException>(() => claim.Approve(Officer1, amount, " ", 300_000, Now));
        claim.Approve(Officer1, amount, "现场核查后核定", 300_000, Now);

        Assert.Equal("claim-override-reason-required", error.Code);
        Assert.Equal(amount, claim.AmountFen);
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
        var batch = PaymentBatch.Create([a, b], Officer2, Now);

        batch.Settle([a, b], new Dictionary<Guid, string> { [b.Id] = "账号有误" }, Officer2, Now);

        Assert.Equal(300_000, batch.TotalFen);
        Assert.Equal(100_000, batch.PaidFen);
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
        var batch = PaymentBatch.Create([a], Officer2, Now);

        var error = Assert.Throws<DomainException>(() => batch.EnsureReconciles([a, Approved(1)]));

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
        Assert.Equal(80_000, claim.RulesAmountFen);
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

    private static Claim Approved(long amount)
    {
        var claim = Submitted(Station, amount);
        claim.Approve(Officer1, null, null, 1_000_000, Now);
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
        new(outcome, amount, missing, "{}", "{}", "{}", "v1", new DateOnly(2026, 11, 22));
}
