namespace EmploymentPortal.Domain.Claims;

/// <summary>Where a subsidy claim stands (补贴申请状态).</summary>
public enum ClaimStatus
{
    /// <summary>草稿</summary>
    Draft,

    /// <summary>已提交</summary>
    Submitted,

    /// <summary>审核中</summary>
    UnderReview,

    /// <summary>待复核 (first approval given, the amount needs a second officer)</summary>
    AwaitingSecondApproval,

    /// <summary>已批准</summary>
    Approved,

    /// <summary>已驳回</summary>
    Rejected,

    /// <summary>退回补正</summary>
    ReturnedForCorrection,

    /// <summary>已纳入支付批次</summary>
    InPaymentBatch,

    /// <summary>已支付</summary>
    Paid,

    /// <summary>已撤回</summary>
    Withdrawn,
}

/// <summary>Who files the claim.</summary>
public enum ClaimantKind
{
    /// <summary>An enterprise for itself (用人单位申领).</summary>
    Enterprise,

    /// <summary>Station staff on behalf of a resident (社区服务站代办).</summary>
    Station,

    /// <summary>A bureau officer at the bureau's counter (经办窗口代办).</summary>
    Bureau,
}

/// <summary>The rules service's outcome for the claimed rule, as stored with the claim.</summary>
public enum ClaimOutcome
{
    Eligible,
    Ineligible,
    NeedsInformation,
    ManualReview,
}

/// <summary>A payment batch (支付批次).</summary>
public enum PaymentBatchStatus
{
    /// <summary>已生成，待财务支付</summary>
    Open,

    /// <summary>已全部支付</summary>
    Paid,

    /// <summary>部分支付失败 (failed claims went back to approved)</summary>
    PartlyFailed,
}
