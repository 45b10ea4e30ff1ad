using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// A resident known to a community service station (居民/求职者), registered in real name for the
/// community of habitual residence, whose station holds the record and decides who may see it.
/// Birth date and sex come from the ID-card number and are never typed.
/// </summary>
public sealed partial class Resident : AggregateRoot
{
    private readonly List<EmploymentStatusChange> _statusHistory = [];

    private Resident()
    {
        Name = string.Empty;
        IdNumber = string.Empty;
        Phone = string.Empty;
    }

    /// <exception cref="DomainException">The phone number is not a mobile number (<c>resident-phone-not-mobile</c>).</exception>
    public Resident(string name, IdCardNumber idNumber, PhoneNumber mobile, Guid communityId, ResidentProfile? profile = null)
    {
        if (!mobile.IsMobile)
        {
            throw new DomainException("resident-phone-not-mobile", "请填写本人手机号码，固定电话不能作为联系方式。");
        }

        Name = name;
        IdNumber = idNumber.Value;
        BirthDate = idNumber.BirthDate;
        Sex = idNumber.Sex;
        Phone = mobile.Value;
        CommunityId = communityId;
        UpdateProfile(profile ?? new ResidentProfile());
    }

    public string Name { get; private set; }

    /// <summary>Resident identity card number (居民身份证号码), canonical 18 characters.</summary>
    public string IdNumber { get; private set; }

    /// <summary>Derived from the ID number, never typed twice.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>Derived from the ID number.</summary>
    public Sex Sex { get; private set; }

    /// <summary>Mobile number, canonical 11 digits.</summary>
    public string Phone { get; private set; }

    /// <summary>The community of habitual residence, whose station holds the record.</summary>
    public Guid CommunityId { get; private set; }

    public HukouType? HukouType { get; private set; }

    public string? HukouPlace { get; private set; }

    public string? Address { get; private set; }

    public EducationLevel? Education { get; private set; }

    public string? GraduateSchool { get; private set; }

    public string? GraduateMajor { get; private set; }

    public DateOnly? GraduatedOn { get; private set; }

    /// <summary>离校时间 of a college graduate.</summary>
    public DateOnly? LeftSchoolOn { get; private set; }

    public string? DisabilityCertificateNumber { get; private set; }

    public bool IsVeteran { get; private set; }

    public bool IsRelocatedResident { get; private set; }

    public MigrantWorkerStatus MigrantWorker { get; private set; }

    public bool IsPovertyMonitoredHousehold { get; private set; }

    /// <summary>The current employment status; null when the resident was never registered unemployed.</summary>
    public EmploymentStatus? CurrentStatus { get; private set; }

    /// <summary>
    /// The first day of the current spell of registered unemployment (null when not registered
    /// unemployed): what <see cref="MonthsRegisteredUnemployedOn"/> counts from, stored so that
    /// “登记失业6个月以上” is a date range a list can filter with an index.
    /// </summary>
    public DateOnly? UnemployedSince { get; private set; }

    /// <summary>The key groups that only the recorded facts decide (<see cref="KeyGroupCriteria.StableFlagsOf"/>), kept up to date on every change of the facts.</summary>
    public StableKeyGroups StableKeyGroups { get; private set; }

    /// <summary>The number of the latest 失业登记, kept after deregistration for reference.</summary>
    public string? UnemploymentRegistrationNumber { get; private set; }

    /// <summary>Every status change, oldest first.</summary>
    public IReadOnlyList<EmploymentStatusChange> StatusHistory => _statusHistory;

    /// <summary>True when the resident holds a 残疾人证.</summary>
    public bool IsDisabled => !string.IsNullOrEmpty(DisabilityCertificateNumber);

    /// <summary>Replaces the recorded facts (a correction by the station).</summary>
    /// <exception cref="DomainException">Graduate details without a college education, or dates in the wrong order.</exception>
    public void UpdateProfile(ResidentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Graduate is { } graduate)
        {
            if (profile.Education is null or < EducationLevel.JuniorCollege)
            {
                throw new DomainException("resident-graduate-education", "只有大专及以上学历可以填写高校毕业生信息。");
            }

            if (graduate.LeftSchoolOn < graduate.GraduatedOn.AddYears(-1) || graduate.GraduatedOn < BirthDate)
            {
                throw new DomainException("resident-graduate-dates", "毕业时间与离校时间不一致，请核对。");
            }
        }

        HukouType = profile.HukouType;
        HukouPlace = profile.HukouPlace;
        Address = profile.Address;
        Education = profile.Education;
        GraduateSchool = profile.Graduate?.School;
        GraduateMajor = profile.Graduate?.Major;
        GraduatedOn = profile.Graduate?.GraduatedOn;
        LeftSchoolOn = profile.Graduate?.LeftSchoolOn;
        DisabilityCertificateNumber = string.IsNullOrWhiteSpace(profile.DisabilityCertificateNumber) ? null : profile.DisabilityCertificateNumber;
        IsVeteran = profile.IsVeteran;
        IsRelocatedResident = profile.IsRelocatedResident;
        MigrantWorker = profile.MigrantWorker;
        IsPovertyMonitoredHousehold = profile.IsPovertyMonitoredHousehold;
        StableKeyGroups = KeyGroupCriteria.StableFlagsOf(this);
    }

    /// <summary>Age in completed years (周岁) on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date) => date < BirthDate ? 0 : DatePeriods.CompletedYearsBetween(BirthDate, date);

    /// <summary>
    /// Registers the resident as unemployed (失业登记) from <paramref name="date"/>. Who may be
    /// registered (劳动年龄内、有劳动能力、有就业要求、处于失业状态、常住地) is the rules service's
    /// decision (邢南政发〔2020〕1号 (二十) in the catalogue), taken by the registration command before
    /// it calls this; the resident guards only its own history.
    /// </summary>
    /// <exception cref="DomainException"><c>unemployment-registration-refused</c> while the resident is on the register (any status but 注销); the date before the last change.</exception>
    public void RegisterUnemployed(DateOnly date, string registrationNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registrationNumber);
        if (CurrentStatus is { } status && status != EmploymentStatus.Deregistered)
        {
            throw new DomainException("unemployment-registration-refused", status == EmploymentStatus.RegisteredUnemployed
                ? "不能办理失业登记：已办理失业登记，不能重复登记。"
                : "不能办理失业登记：已在就业失业管理中（当前状态不是注销），请办理状态变更而不是重新登记。");
        }

        EnsureNotBeforeLastChange(date);
        UnemploymentRegistrationNumber = registrationNumber;
        Append(EmploymentStatus.RegisteredUnemployed, date, null, registrationNumber);
    }

    /// <summary>
    /// Records a change of status of a registered resident (就业、灵活就业、创业、培训、公益性岗位,
    /// or back to 登记失业). Deregistration goes through <see cref="Deregister"/>.
    /// </summary>
    /// <param name="status">The new status.</param>
    /// <param name="from">The first day in the new status.</param>
    /// <param name="note">The employer, project or post.</param>
    /// <exception cref="DomainException">The resident is not registered, the status does not change, or the date is before the last change.</exception>
    public void ChangeStatus(EmploymentStatus status, DateOnly from, string? note)
    {
        if (status == EmploymentStatus.Deregistered)
        {
            throw new ArgumentException("Use Deregister for a deregistration.", nameof(status));
        }

        if (CurrentStatus is null or EmploymentStatus.Deregistered)
        {
            throw new DomainException("resident-not-registered", "该居民未办理失业登记或已注销，不能变更就业失业状态。");
        }

        if (CurrentStatus == status)
        {
            throw new DomainException("resident-status-unchanged", "就业失业状态没有变化。");
        }

        EnsureNotBeforeLastChange(from);
        Append(status, from, note, null);
    }

    /// <summary>Deregisters (注销登记) with a reason, e.g. 达到法定退休年龄、入学、参军、死亡、长期无就业意愿.</summary>
    /// <exception cref="DomainException">The resident is not registered or the date is before the last change.</exception>
    public void Deregister(DateOnly date, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (CurrentStatus is null or EmploymentStatus.Deregistered)
        {
            throw new DomainException("resident-not-registered", "该居民未办理失业登记或已注销。");
        }

        EnsureNotBeforeLastChange(date);
        Append(EmploymentStatus.Deregistered, date, reason, null);
    }

    /// <summary>
    /// The status in force on <paramref name="date"/>: the latest entry that starts on or before it;
    /// null when none does.
    /// </summary>
    public EmploymentStatus? StatusOn(DateOnly date) =>
        _statusHistory.LastOrDefault(c => c.EffectiveFrom <= date)?.Status;

    /// <summary>
    /// Completed months (by <see cref="DatePeriods.CompletedMonthsBetween"/>) of the uninterrupted
    /// spell of registered unemployment that includes <paramref name="date"/>; 0 when the resident is
    /// not registered unemployed on that day. A spell starts at the first 登记失业 entry after any
    /// other status: a job, training or a deregistration in between ends it.
    /// </summary>
    public int MonthsRegisteredUnemployedOn(DateOnly date)
    {
        DateOnly? spellStart = null;
        foreach (var change in _statusHistory)
        {
            if (change.EffectiveFrom > date)
            {
                break;
            }

            spellStart = change.Status == EmploymentStatus.RegisteredUnemployed
                ? spellStart ?? change.EffectiveFrom
                : null;
        }

        return spellStart is { } start ? DatePeriods.CompletedMonthsBetween(start, date) : 0;
    }

    private void EnsureNotBeforeLastChange(DateOnly date)
    {
        if (_statusHistory.Count > 0 && date < _statusHistory[^1].EffectiveFrom)
        {
            throw new DomainException(
                "resident-status-date-order",
                $"变更日期不能早于上一次状态变更（{_statusHistory[^1].EffectiveFrom:yyyy-MM-dd}）。");
        }
    }

    private void Append(EmploymentStatus status, DateOnly from, string? note, string? registrationNumber)
    {
        _statusHistory.Add(new EmploymentStatusChange(Id, status, from, note, registrationNumber));
        UnemployedSince = status == EmploymentStatus.RegisteredUnemployed
            ? (CurrentStatus == EmploymentStatus.RegisteredUnemployed ? UnemployedSince : from)
            : null;
        CurrentStatus = status;
    }
}
