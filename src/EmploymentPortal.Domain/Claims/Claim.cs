using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Claims;

/// <summary>
/// A subsidy claim (补贴申请): one rule of the policy catalogue claimed for one resident, with the
/// facts it was decided on, the rules service's decision and trace frozen as JSON (so the claim
/// reads the same after a policy or a local parameter changes), the amount in fen and the whole
/// review: draft → submitted → under review → approved / rejected / returned for correction → in
/// a payment batch → paid.
/// <para>
/// Public money (003 (二) 全力筑牢资金安全堤坝): nobody who prepared or submitted a claim may approve
/// it; amounts above a threshold need a second officer after the first; approving against the
/// rules' decision or changing the amount needs a written reason; a once-only key, unique in the
/// database, keeps a once-only subsidy from being claimed twice.
/// </para>
/// </summary>
public sealed class Claim : AggregateRoot
{
    private readonly List<ClaimEvent> _events = [];
    private readonly List<ClaimCoveredMonth> _coveredMonths = [];

    private Claim()
    {
        Number = string.Empty;
        Benefit = string.Empty;
        RuleId = string.Empty;
        RuleTitle = string.Empty;
        PersonName = string.Empty;
        FactSource = string.Empty;
        StatedFactsJson = "{}";
        FactsJson = "{}";
        DecisionJson = "{}";
        CatalogueVersion = string.Empty;
        MissingFacts = string.Empty;
        PreparedById = string.Empty;
        PreparedByName = string.Empty;
        PayeeName = string.Empty;
        PayeeAccount = string.Empty;
    }

    /// <summary>申请编号, e.g. BT20261122-1A2B3C4D.</summary>
    public string Number { get; private set; }

    /// <summary>The benefit kind (<c>BenefitKinds</c> id); the once-only family.</summary>
    public string Benefit { get; private set; }

    /// <summary>The full rule id of the catalogue the claim is decided under.</summary>
    public string RuleId { get; private set; }

    public string RuleTitle { get; private set; }

    /// <summary>The policy document number (文号) the rule cites, for finance.</summary>
    public string? DocumentNumber { get; private set; }

    public ClaimantKind ClaimantKind { get; private set; }

    /// <summary>The enterprise that claims (enterprise claims) or employs the person.</summary>
    public Guid? EnterpriseId { get; private set; }

    /// <summary>The resident the claim is for.</summary>
    /// <summary>The person claimed for; null for a community's award (the community is the beneficiary).</summary>
    /// <summary>The public-welfare post placement a monthly post subsidy is claimed for; null otherwise.</summary>
    public Guid? PlacementId { get; private set; }

    /// <summary>The month (its first day) a monthly subsidy is claimed for; null for other claims.</summary>
    public DateOnly? ClaimMonth { get; private set; }

    public Guid? ResidentId { get; private set; }

    /// <summary>The resident's community when the claim was made (scope and reports).</summary>
    public Guid CommunityId { get; private set; }

    public Guid DistrictId { get; private set; }

    /// <summary>The resident's name when the claim was made (the public notice masks it).</summary>
    public string PersonName { get; private set; }

    /// <summary>
    /// Where the facts came from: <c>resident-records</c> (the registry), <c>recorded-hire</c> (a
    /// hire recorded in the portal, <see cref="HireId"/>), <c>enterprise-stated</c> (what the
    /// enterprise declared, unverified).
    /// </summary>
    public string FactSource { get; private set; }

    /// <summary>
    /// The recorded hire the claim is made for (<c>recorded-hire</c> claims): its frozen facts are
    /// the hire facts of every decision of the claim, re-decisions included. Null otherwise.
    /// </summary>
    public Guid? HireId { get; private set; }

    /// <summary>The facts the claimant typed (stated, not from records).</summary>
    public string StatedFactsJson { get; private set; }

    /// <summary>All facts the decision was made on: records merged over stated facts.</summary>
    public string FactsJson { get; private set; }

    /// <summary>The rules service's decision for the rule with its whole trace (catalogue version, parameter values and their sources).</summary>
    public string DecisionJson { get; private set; }

    public string CatalogueVersion { get; private set; }

    /// <summary>The evaluation date of the decision.</summary>
    public DateOnly DecidedOn { get; private set; }

    public ClaimOutcome Outcome { get; private set; }

    /// <summary>Facts the rules service still needs, comma-separated (empty when none).</summary>
    public string MissingFacts { get; private set; }

    /// <summary>The amount the rules computed (null: no figure).</summary>
    public Money? RulesAmount { get; private set; }

    /// <summary>The amount claimed, then granted (the rules' amount unless an officer changed it with a reason).</summary>
    public Money? Amount { get; private set; }

    /// <summary>
    /// Once-only scope key (rule family + person [+ enterprise] [+ year]); unique among live claims,
    /// null for rules that may be claimed repeatedly and for rejected or withdrawn claims.
    /// </summary>
    public string? OnceOnlyKey { get; private set; }

    public ClaimStatus Status { get; private set; }

    public string PayeeName { get; private set; }

    /// <summary>Bank account of the payee (收款账号).</summary>
    public string PayeeAccount { get; private set; }

    public string? PayeeBank { get; private set; }

    public string PreparedById { get; private set; }

    public string PreparedByName { get; private set; }

    public DateTimeOffset PreparedAt { get; private set; }

    public string? SubmittedById { get; private set; }

    public string? SubmittedByName { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? ReviewerId { get; private set; }

    public string? ReviewerName { get; private set; }

    public string? FirstApproverId { get; private set; }

    public string? FirstApproverName { get; private set; }

    public DateTimeOffset? FirstApprovedAt { get; private set; }

    public string? SecondApproverId { get; private set; }

    public string? SecondApproverName { get; private set; }

    /// <summary>The threshold in force at the first approval when the amount exceeded it.</summary>
    public Money? SecondApprovalThreshold { get; private set; }

    /// <summary>
    /// Set at the first approval when a second officer must confirm: the amount exceeds the
    /// threshold, is above the rules' amount, or the rules computed none.
    /// </summary>
    public bool SecondApprovalRequired { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Why the officer approved against the rules' decision or changed the amount.</summary>
    public string? OverrideReason { get; private set; }

    /// <summary>The reason of a rejection or return for correction (the claimant sees it).</summary>
    public string? ReviewNote { get; private set; }

    public Guid? PaymentBatchId { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Why the last payment failed (the claim went back to approved).</summary>
    public string? PaymentFailure { get; private set; }

    /// <summary>资金监管: flagged, e.g. the same person claimed by two enterprises for a one-time subsidy.</summary>
    public bool SupervisionFlag { get; private set; }

    public string? SupervisionNote { get; private set; }

    public IReadOnlyList<ClaimEvent> Events => _events;

    /// <summary>
    /// The months a monthly subsidy claim covers (补贴期间), each under the key of the benefit and
    /// the person: unique in the database among live claims, so a month is paid once. Released when
    /// the claim is rejected or withdrawn.
    /// </summary>
    public IReadOnlyList<ClaimCoveredMonth> CoveredMonths => _coveredMonths;

    /// <summary>The user notified of status changes: whoever submitted, or else prepared, the claim.</summary>
    public string NotifiedUserId => SubmittedById ?? PreparedById;

    public bool IsLive => Status is not (ClaimStatus.Rejected or ClaimStatus.Withdrawn);

    /// <summary>True when <paramref name="userId"/> prepared or submitted the claim (maker): they can never approve it.</summary>
    public bool IsMaker(string userId) =>
        string.Equals(PreparedById, userId, StringComparison.Ordinal) || string.Equals(SubmittedById, userId, StringComparison.Ordinal);

    public static Claim Draft(ClaimSubject subject, ClaimPayee payee, ClaimDecision decision, string? onceOnlyKey, ClaimActor preparedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(preparedBy);
        var claim = new Claim
        {
            Benefit = subject.Benefit,
            RuleId = subject.RuleId,
            RuleTitle = subject.RuleTitle,
            DocumentNumber = subject.DocumentNumber,
            ClaimantKind = subject.ClaimantKind,
            EnterpriseId = subject.EnterpriseId,
            ResidentId = subject.ResidentId,
            PlacementId = subject.PlacementId,
            ClaimMonth = subject.ClaimMonth,
            CommunityId = subject.CommunityId,
            DistrictId = subject.DistrictId,
            PersonName = subject.PersonName,
            FactSource = subject.FactSource,
            HireId = subject.HireId,
            OnceOnlyKey = onceOnlyKey,
            Status = ClaimStatus.Draft,
            PreparedById = preparedBy.UserId,
            PreparedByName = preparedBy.Name,
            PreparedAt = now,
        };
        claim.Number = $"BT{now.UtcDateTime:yyyyMMdd}-{claim.Id.ToString("N")[^8..].ToUpperInvariant()}";
        claim.SetPayee(payee);
        claim.ApplyDecision(decision);
        claim._events.Add(new ClaimEvent(claim.Id, null, ClaimStatus.Draft, preparedBy, now, "创建申请"));
        return claim;
    }

    /// <summary>
    /// Records the months a new claim covers under <paramref name="key"/> (the benefit and the
    /// person); a draft only, once.
    /// </summary>
    public void Cover(string key, IEnumerable<DateOnly> months)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(months);
        if (Status != ClaimStatus.Draft || _coveredMonths.Count > 0)
        {
            throw new DomainException("claim-period-fixed", "补贴期间在创建申请时确定；如需更改，请撤回后重新申请。");
        }

        foreach (var month in months.Distinct().Order())
        {
            _coveredMonths.Add(new ClaimCoveredMonth(Id, key, new DateOnly(month.Year, month.Month, 1)));
        }
    }

    /// <summary>Decides the claim again (a draft or a claim returned for correction) on new stated facts.</summary>
    public void Redecide(ClaimDecision decision, ClaimPayee payee)
    {
        if (Status is not (ClaimStatus.Draft or ClaimStatus.ReturnedForCorrection))
        {
            throw new DomainException("claim-not-editable", "只有草稿或退回补正的申请可以修改。");
        }

        SetPayee(payee);
        ApplyDecision(decision);
    }

    /// <summary>
    /// The claimant submits (提交): the decision given is the one made at submission and is kept
    /// from now on. A claim that still needs information cannot be submitted.
    /// </summary>
    public void Submit(ClaimDecision decision, ClaimActor by, DateTimeOffset now)
    {
        if (Status is not (ClaimStatus.Draft or ClaimStatus.ReturnedForCorrection))
        {
            throw new DomainException("claim-not-draft", "只有草稿或退回补正的申请可以提交。");
        }

        ApplyDecision(decision);
        if (Outcome == ClaimOutcome.NeedsInformation)
        {
            // The host names the facts in words (decision.MissingFactWords); the stored keys only when it gives none.
            var missing = decision.MissingFactWords is { Count: > 0 } words ? words : decision.MissingFacts;
            throw new DomainException("claim-needs-information", $"申请缺少以下信息，补充后才能提交：{string.Join("、", missing)}。");
        }

        if (string.IsNullOrWhiteSpace(PayeeName) || string.IsNullOrWhiteSpace(PayeeAccount))
        {
            throw new DomainException("claim-payee-required", "请填写收款人和收款账号后再提交。");
        }

        SubmittedById = by.UserId;
        SubmittedByName = by.Name;
        SubmittedAt = now;
        ReviewNote = null;
        Move(ClaimStatus.Submitted, by, now, null);
    }

    /// <summary>A bureau officer takes the claim for review (受理审核).</summary>
    public void StartReview(ClaimActor officer, DateTimeOffset now)
    {
        if (Status != ClaimStatus.Submitted)
        {
            throw new DomainException("claim-not-submitted", "只有已提交的申请可以受理审核。");
        }

        ReviewerId = officer.UserId;
        ReviewerName = officer.Name;
        Move(ClaimStatus.UnderReview, officer, now, null);
    }

    /// <summary>
    /// Approval (审批). First tier: the reviewing officer approves the rules' amount, or another
    /// amount / against the rules' decision with a written reason. The amount is above zero (to pay
    /// nothing, reject) and never above <see cref="ClaimApprovalLimits.HardCeilingPerClaim"/>;
    /// where the rules computed no amount it is at most the bureau's ceiling for the benefit
    /// (<see cref="ClaimApprovalLimits.BenefitCeiling"/>, required). The claim then waits for a
    /// second officer (复核) when the amount exceeds the two-tier threshold, and always when it is
    /// above the rules' amount or the rules computed none (the override path). Second tier:
    /// another officer, who neither made the claim nor gave the first approval, confirms the
    /// amount, which is checked against the limits again.
    /// </summary>
    public void Approve(ClaimActor officer, Money? amount, string? reason, ClaimApprovalLimits limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (IsMaker(officer.UserId))
        {
            throw new DomainException("claim-maker-cannot-approve", "申请的制单人或提交人不能审批该申请。");
        }

        if (Status == ClaimStatus.AwaitingSecondApproval)
        {
            if (string.Equals(FirstApproverId, officer.UserId, StringComparison.Ordinal))
            {
                throw new DomainException("claim-second-approver-required", "该申请须由另一名经办人员复核，初审人不能复核。");
            }

            if (amount is { } changed && changed != Amount)
            {
                throw new DomainException("claim-second-approval-amount", "复核只能确认初审金额；如需改变金额，请退回补正。");
            }

            var confirmed = Amount is { } stored && stored > Money.Zero ? stored : throw AmountNotPositive();
            EnsureWithinCeilings(confirmed, limits);
            SecondApproverId = officer.UserId;
            SecondApproverName = officer.Name;
            ApprovedAt = now;
            Move(ClaimStatus.Approved, officer, now, "复核通过");
            return;
        }

        if (Status is not (ClaimStatus.Submitted or ClaimStatus.UnderReview))
        {
            throw new DomainException("claim-not-under-review", "只有已提交或审核中的申请可以审批。");
        }

        var computed = RulesAmount;
        var granted = amount ?? computed ?? throw new DomainException("claim-amount-required", "规则未算出金额，请填写核定金额并说明理由。");
        if (granted.IsZero)
        {
            throw AmountNotPositive();
        }

        EnsureUnderHardCeiling(granted, limits);
        var aboveRules = computed is not { } c || granted > c;
        var overrides = Outcome != ClaimOutcome.Eligible || granted != computed;
        if (overrides && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(
                "claim-override-reason-required",
                Outcome != ClaimOutcome.Eligible ? "规则判定为不符合或需人工审核，批准须填写书面理由，并由另一名经办人员复核。"
                : computed is null ? "规则未算出金额，核定金额须填写书面理由，并由另一名经办人员复核。"
                : aboveRules ? "核定金额高于规则计算金额，须填写书面理由，并由另一名经办人员复核。"
                : "核定金额与规则计算金额不同，须填写书面理由。");
        }

        EnsureWithinCeilings(granted, limits);
        if (Status == ClaimStatus.Submitted)
        {
            ReviewerId = officer.UserId;
            ReviewerName = officer.Name;
        }

        Amount = granted;
        OverrideReason = overrides ? reason!.Trim() : null;
        FirstApproverId = officer.UserId;
        FirstApproverName = officer.Name;
        FirstApprovedAt = now;
        var aboveThreshold = granted > limits.SecondApprovalThreshold;
        if (aboveThreshold || aboveRules)
        {
            SecondApprovalRequired = true;
            SecondApprovalThreshold = aboveThreshold ? limits.SecondApprovalThreshold : null;
            var why = aboveRules ? (computed is null ? "规则未算出金额，待复核" : "高于规则金额，待复核") : "待复核";
            Move(ClaimStatus.AwaitingSecondApproval, officer, now, overrides ? $"初审通过，{why}（{OverrideReason}）" : $"初审通过，{why}");
            return;
        }

        ApprovedAt = now;
        Move(ClaimStatus.Approved, officer, now, overrides ? $"审批通过（{OverrideReason}）" : "审批通过");
    }

    /// <summary>
    /// An officer accepts, with a reason, a member an open list of the policy text does not name
    /// (…等: another 特困行业, another key group), while the claim is in review: the claim takes the
    /// decision made with that acceptance, and the history records who accepted what and why. The
    /// claim's maker cannot accept (the same maker-checker as approval).
    /// </summary>
    public void AcceptListMember(ClaimDecision decision, ClaimActor officer, string member, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(officer);
        if (IsMaker(officer.UserId))
        {
            throw new DomainException("claim-maker-cannot-approve", "申请的制单人或提交人不能认定开放列举的成员。");
        }

        if (Status is not (ClaimStatus.Submitted or ClaimStatus.UnderReview))
        {
            throw new DomainException("claim-not-under-review", "只有已提交或审核中的申请可以认定开放列举的成员。");
        }

        RequireReason(reason, "认定开放列举之外的成员必须写明理由。");
        ApplyDecision(decision);
        _events.Add(new ClaimEvent(Id, Status, Status, officer, now, $"认定开放列举成员 {member}：{reason.Trim()}"));
    }

    /// <summary>
    /// True when a stored amount can be trusted: none (null), or 0 … <paramref name="hardCeiling"/>
    /// fen. Anything else was written past the domain (approvals are bounded), so it is corrupt:
    /// sums leave it out and flag it, and it is never paid.
    /// </summary>
    public static bool IsAmountSound(Money? amount, Money hardCeiling) => amount is not { } a || (!a.IsNegative && a <= hardCeiling);

    /// <summary>An officer rejects the claim (驳回) with a reason; the once-only scope is free again.</summary>
    public void Reject(ClaimActor officer, string reason, DateTimeOffset now)
    {
        EnsureReviewable();
        RequireReason(reason, "驳回申请必须填写原因，申请人会看到该原因。");
        ReviewNote = reason.Trim();
        OnceOnlyKey = null;
        _coveredMonths.Clear();
        Move(ClaimStatus.Rejected, officer, now, ReviewNote);
    }

    /// <summary>An officer returns the claim for correction (退回补正) with what to correct.</summary>
    public void ReturnForCorrection(ClaimActor officer, string reason, DateTimeOffset now)
    {
        EnsureReviewable();
        RequireReason(reason, "退回补正必须写明需要补正的内容。");
        ReviewNote = reason.Trim();
        FirstApproverId = null;
        FirstApproverName = null;
        FirstApprovedAt = null;
        SecondApprovalThreshold = null;
        SecondApprovalRequired = false;
        Move(ClaimStatus.ReturnedForCorrection, officer, now, ReviewNote);
    }

    /// <summary>
    /// Takes the once-only scope <paramref name="key"/> when a draft or a returned claim is about to be
    /// submitted and holds none yet (a draft the rules found ineligible is saved without one, so it
    /// does not block the same person's claim under the right rule); the database keeps it unique.
    /// </summary>
    public void HoldOnceOnly(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (Status is not (ClaimStatus.Draft or ClaimStatus.ReturnedForCorrection))
        {
            throw new DomainException("claim-not-draft", "只有草稿或退回补正的申请可以提交。");
        }

        OnceOnlyKey ??= key;
    }

    /// <summary>The claimant withdraws (撤回) a claim not yet approved; the once-only scope is free again.</summary>
    public void Withdraw(ClaimActor by, DateTimeOffset now)
    {
        if (Status is not (ClaimStatus.Draft or ClaimStatus.Submitted or ClaimStatus.ReturnedForCorrection))
        {
            throw new DomainException("claim-not-withdrawable", Status is ClaimStatus.Withdrawn
                ? "该申请已撤回。"
                : "人社局已开始办理该申请（受理审核、审批或支付），不能撤回；只有草稿、已提交尚未受理或退回补正的申请可以撤回。");
        }

        OnceOnlyKey = null;
        _coveredMonths.Clear();
        Move(ClaimStatus.Withdrawn, by, now, null);
    }

    /// <summary>
    /// Puts an approved claim into a payment batch; its amount must be one that can have been
    /// granted (above zero and <see cref="IsAmountSound"/>), so a value written past the domain is
    /// never paid.
    /// </summary>
    public void AddToBatch(Guid batchId, ClaimActor officer, Money hardCeiling, DateTimeOffset now)
    {
        if (Status != ClaimStatus.Approved)
        {
            throw new DomainException("claim-not-approved", $"申请 {Number} 尚未批准（或已在其他批次中），不能纳入支付批次。");
        }

        if (Amount is not { IsNegative: false, IsZero: false } || !IsAmountSound(Amount, hardCeiling))
        {
            throw new DomainException("claim-amount-corrupt", $"申请 {Number} 的金额异常（不在 0 至单笔硬上限之间），不能支付，请核查。");
        }

        if ((SecondApprovalRequired || SecondApprovalThreshold is not null) && SecondApproverId is null)
        {
            // Defence in depth: Approve never gets here, but a claim above the threshold must not
            // be paid on one approval whatever path set its status.
            throw new DomainException("claim-second-approval-missing", $"申请 {Number} 尚未复核，不能支付。");
        }

        PaymentBatchId = batchId;
        PaymentFailure = null;
        Move(ClaimStatus.InPaymentBatch, officer, now, null);
    }

    public void MarkPaid(ClaimActor officer, DateTimeOffset now)
    {
        if (Status != ClaimStatus.InPaymentBatch)
        {
            throw new DomainException("claim-not-in-batch", $"申请 {Number} 不在支付批次中。");
        }

        PaidAt = now;
        Move(ClaimStatus.Paid, officer, now, null);
    }

    /// <summary>The payment failed (e.g. a wrong account): the claim returns to approved, out of the batch.</summary>
    public void PaymentFailed(ClaimActor officer, string reason, DateTimeOffset now)
    {
        if (Status != ClaimStatus.InPaymentBatch)
        {
            throw new DomainException("claim-not-in-batch", $"申请 {Number} 不在支付批次中。");
        }

        PaymentBatchId = null;
        PaymentFailure = string.IsNullOrWhiteSpace(reason) ? "支付失败" : reason.Trim();
        Move(ClaimStatus.Approved, officer, now, $"支付失败：{PaymentFailure}");
    }

    /// <summary>Flags the claim for fund supervision (资金监管).</summary>
    public void FlagForSupervision(string note)
    {
        SupervisionFlag = true;
        SupervisionNote = note;
    }

    private void EnsureReviewable()
    {
        if (Status is not (ClaimStatus.Submitted or ClaimStatus.UnderReview or ClaimStatus.AwaitingSecondApproval))
        {
            throw new DomainException("claim-not-under-review", "只有已提交、审核中或待复核的申请可以驳回或退回。");
        }
    }

    private static DomainException AmountNotPositive() =>
        new("claim-amount-not-positive", "核定金额必须大于 0；不予支付请驳回申请。");

    private static void EnsureUnderHardCeiling(Money amount, ClaimApprovalLimits limits)
    {
        if (amount > limits.HardCeilingPerClaim)
        {
            throw new DomainException("claim-amount-above-hard-ceiling", $"核定金额 {amount} 超过单笔申请的硬上限 {limits.HardCeilingPerClaim}。");
        }
    }

    /// <summary>The hard ceiling, and where the rules computed no amount, the bureau's ceiling for the benefit.</summary>
    private void EnsureWithinCeilings(Money amount, ClaimApprovalLimits limits)
    {
        EnsureUnderHardCeiling(amount, limits);
        if (RulesAmount is not null)
        {
            return;
        }

        if (limits.BenefitCeiling is not { } ceiling)
        {
            throw new DomainException("claim-benefit-ceiling-missing", "规则未算出金额，人社局尚未设定该补贴项目的单笔上限，暂不能批准；请先在“补贴上限”中设定上限及依据。");
        }

        if (!string.Equals(ceiling.Benefit, Benefit, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The ceiling of {ceiling.Benefit} does not bound a claim of {Benefit}.", nameof(limits));
        }

        if (amount > ceiling.Amount)
        {
            throw new DomainException("claim-amount-above-benefit-ceiling", $"核定金额 {amount} 超过人社局设定的该补贴单笔上限 {ceiling.Amount}（依据：{ceiling.Basis}）。");
        }
    }

    private static void RequireReason(string? reason, string message)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("claim-reason-required", message);
        }
    }

    private void SetPayee(ClaimPayee payee)
    {
        PayeeName = payee.Name.Trim();
        PayeeAccount = payee.Account.Trim();
        PayeeBank = string.IsNullOrWhiteSpace(payee.Bank) ? null : payee.Bank.Trim();
    }

    private void ApplyDecision(ClaimDecision decision)
    {
        StatedFactsJson = decision.StatedFactsJson;
        FactsJson = decision.FactsJson;
        DecisionJson = decision.DecisionJson;
        CatalogueVersion = decision.CatalogueVersion;
        DecidedOn = decision.DecidedOn;
        Outcome = decision.Outcome;
        MissingFacts = string.Join(",", decision.MissingFacts);
        RulesAmount = decision.Amount;
        Amount = decision.Amount;
    }

    private void Move(ClaimStatus to, ClaimActor by, DateTimeOffset now, string? note)
    {
        _events.Add(new ClaimEvent(Id, Status, to, by, now, note));
        Status = to;
    }
}

/// <summary>Who did something to a claim (user id and display name).</summary>
public sealed record ClaimActor(string UserId, string Name);

/// <summary>What the claim is about; assembled by the host from its records.</summary>
public sealed record ClaimSubject(
    string Benefit,
    string RuleId,
    string RuleTitle,
    string? DocumentNumber,
    ClaimantKind ClaimantKind,
    Guid? EnterpriseId,
    Guid? ResidentId,
    Guid CommunityId,
    Guid DistrictId,
    string PersonName,
    string FactSource,
    Guid? HireId = null,
    Guid? PlacementId = null,
    DateOnly? ClaimMonth = null);

public sealed record ClaimPayee(string Name, string Account, string? Bank);

/// <summary>
/// A decision of the rules service for the claimed rule, serialised by the host;
/// <see cref="MissingFactWords"/> names <see cref="MissingFacts"/> in the claimant's words (the
/// refusal to submit a claim that needs information quotes them).
/// </summary>
public sealed record ClaimDecision(
    ClaimOutcome Outcome,
    Money? Amount,
    IReadOnlyList<string> MissingFacts,
    string StatedFactsJson,
    string FactsJson,
    string DecisionJson,
    string CatalogueVersion,
    DateOnly DecidedOn,
    IReadOnlyList<string>? MissingFactWords = null);

/// <summary>One step of a claim's history (状态记录).</summary>
public sealed class ClaimEvent : Entity
{
    private ClaimEvent()
    {
        ActorId = string.Empty;
        ActorName = string.Empty;
    }

    internal ClaimEvent(Guid claimId, ClaimStatus? from, ClaimStatus to, ClaimActor actor, DateTimeOffset at, string? note)
    {
        ClaimId = claimId;
        FromStatus = from;
        ToStatus = to;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        At = at;
        Note = note;
    }

    public Guid ClaimId { get; private set; }

    public ClaimStatus? FromStatus { get; private set; }

    public ClaimStatus ToStatus { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>One month of a monthly subsidy a claim covers (see <see cref="Claim.CoveredMonths"/>).</summary>
public sealed class ClaimCoveredMonth : Entity
{
    private ClaimCoveredMonth()
    {
        Key = string.Empty;
    }

    internal ClaimCoveredMonth(Guid claimId, string key, DateOnly month)
    {
        ClaimId = claimId;
        Key = key;
        Month = month;
    }

    public Guid ClaimId { get; private set; }

    /// <summary><c>&lt;benefit&gt;|person:&lt;id&gt;</c>: who is paid for the month under which benefit.</summary>
    public string Key { get; private set; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; private set; }
}
