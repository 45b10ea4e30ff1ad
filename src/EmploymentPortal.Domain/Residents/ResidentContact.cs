using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Residents;

/// <summary>How the station reached the resident.</summary>
public enum ContactChannel
{
    /// <summary>电话</summary>
    Phone,

    /// <summary>上门走访</summary>
    HomeVisit,

    /// <summary>来站面谈</summary>
    AtStation,

    /// <summary>微信/短信</summary>
    Message,
}

/// <summary>Services offered during a contact (several at once).</summary>
[Flags]
public enum FollowUpServices
{
    None = 0,

    /// <summary>职业指导</summary>
    CareerGuidance = 1,

    /// <summary>职业介绍/岗位推荐</summary>
    JobReferral = 2,

    /// <summary>培训推荐</summary>
    TrainingReferral = 4,

    /// <summary>政策宣讲</summary>
    PolicyExplained = 8,
}

/// <summary>
/// One follow-up contact (跟踪服务记录) with a registered unemployed resident. Policy asks for at
/// least one a month (每月跟踪调查至少1次); a resident without one in the current month is overdue.
/// Contacts are only appended.
/// </summary>
public sealed class ResidentContact : Entity
{
    private ResidentContact()
    {
        Outcome = string.Empty;
        RecordedBy = string.Empty;
    }

    public ResidentContact(Guid residentId, DateOnly contactedOn, ContactChannel channel, string outcome, FollowUpServices services, string recordedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        ResidentId = residentId;
        ContactedOn = contactedOn;
        Channel = channel;
        Outcome = outcome;
        Services = services;
        RecordedBy = recordedBy;
    }

    public Guid ResidentId { get; private set; }

    public DateOnly ContactedOn { get; private set; }

    public ContactChannel Channel { get; private set; }

    /// <summary>跟踪结果, free text.</summary>
    public string Outcome { get; private set; }

    public FollowUpServices Services { get; private set; }

    /// <summary>The display name of the staff member who logged the contact.</summary>
    public string RecordedBy { get; private set; }
}
