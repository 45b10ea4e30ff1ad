using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;

namespace EmploymentPortal.Domain.Posts;

/// <summary>
/// A resident placed on a post of a <see cref="PostProgramme"/> (岗位安置/见习): from the start for
/// at most the programme's duration, once extended where a policy allows (公益性岗位期满仍未实现
/// 稳定就业的，政策享受期限可延长1年: 001 (十三)), and ended with a reason. An internship that ran to
/// its planned end is completed; an intern the host kept (留用, also before the end) is retained.
/// Whether the resident was a relocated resident (易地搬迁) is frozen at the start, for the yearly
/// share of public-welfare posts (004 第四章 三、3).
/// </summary>
public sealed class PostPlacement : AggregateRoot
{
    /// <summary>The longest extension, months (one year: 001 (十三)).</summary>
    public const int MaxExtensionMonths = 12;

    private PostPlacement()
    {
    }

    private PostPlacement(PostProgramme programme, Resident resident, DateOnly start)
    {
        ProgrammeId = programme.Id;
        ResidentId = resident.Id;
        Kind = programme.Kind;
        StartDate = start;
        PlannedEnd = DatePeriods.AddMonthsClamped(start, programme.MaxDurationMonths).AddDays(-1);
        WasRelocatedResident = resident.IsRelocatedResident;
    }

    public Guid ProgrammeId { get; private set; }

    public Guid ResidentId { get; private set; }

    public PostKind Kind { get; private set; }

    public DateOnly StartDate { get; private set; }

    /// <summary>The last day of the placement, after any extension.</summary>
    public DateOnly PlannedEnd { get; private set; }

    public int ExtendedMonths { get; private set; }

    /// <summary>The last day worked; null while the placement runs.</summary>
    public DateOnly? EndedOn { get; private set; }

    public PlacementExitReason? ExitReason { get; private set; }

    /// <summary>Internships: the host kept the intern (留用).</summary>
    public bool Retained { get; private set; }

    /// <summary>The resident was a relocated resident (易地搬迁群众) when placed.</summary>
    public bool WasRelocatedResident { get; private set; }

    /// <summary>Internships: ran to the planned end (见习期满).</summary>
    public bool Completed => EndedOn is { } end && end >= PlannedEnd;

    /// <summary>True when the placement runs on some day of <paramref name="year"/>.</summary>
    public bool HeldIn(int year) => StartDate.Year <= year && (EndedOn ?? PlannedEnd).Year >= year;

    /// <summary>
    /// Places the resident. The programme must have a free post (<paramref name="activePlacements"/>
    /// is the number running on the start day). A public-welfare post moves a registered resident
    /// into 公益性岗位安置 from the start.
    /// </summary>
    /// <exception cref="DomainException">No free post (<c>post-programme-full</c>), or a start before the resident's last status change.</exception>
    public static PostPlacement Place(PostProgramme programme, Resident resident, DateOnly start, int activePlacements)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(resident);
        if (activePlacements >= programme.Posts)
        {
            throw new DomainException("post-programme-full", $"该项目的{programme.Posts}个岗位已全部安置，不能再安置。");
        }

        var placement = new PostPlacement(programme, resident, start);
        if (programme.Kind == PostKind.PublicWelfare
            && resident.CurrentStatus is not (null or EmploymentStatus.Deregistered or EmploymentStatus.PublicWelfarePost))
        {
            resident.ChangeStatus(EmploymentStatus.PublicWelfarePost, start, $"公益性岗位：{programme.Name}");
        }

        return placement;
    }

    /// <summary>Extends a running public-welfare placement once, by at most a year (001 (十三)).</summary>
    /// <exception cref="DomainException">Not a running public-welfare placement, already extended, or more than 12 months.</exception>
    public void Extend(int months)
    {
        if (Kind != PostKind.PublicWelfare || EndedOn is not null)
        {
            throw new DomainException("placement-not-extendable", "只有在岗的公益性岗位人员可以延长期限。");
        }

        if (ExtendedMonths > 0 || months < 1 || months > MaxExtensionMonths)
        {
            throw new DomainException("placement-extension-limit", $"公益性岗位期满仍未实现稳定就业的，政策享受期限只能延长一次，最长{MaxExtensionMonths}个月。");
        }

        ExtendedMonths = months;
        PlannedEnd = DatePeriods.AddMonthsClamped(PlannedEnd.AddDays(1), months).AddDays(-1);
    }

    /// <summary>Ends the placement on <paramref name="lastDay"/> with a reason; an internship may be retained by its host.</summary>
    /// <exception cref="DomainException">Already ended, or the last day before the start.</exception>
    public void Exit(DateOnly lastDay, PlacementExitReason reason, bool retained)
    {
        if (EndedOn is not null)
        {
            throw new DomainException("placement-ended", "该人员已离岗。");
        }

        if (lastDay < StartDate)
        {
            throw new DomainException("placement-dates", "离岗日期不能早于上岗日期。");
        }

        EndedOn = lastDay > PlannedEnd ? PlannedEnd : lastDay;
        ExitReason = reason;
        Retained = Kind == PostKind.Internship && retained;
    }
}

/// <summary>离岗原因.</summary>
public enum PlacementExitReason
{
    /// <summary>期满</summary>
    TermEnded,

    /// <summary>实现稳定就业</summary>
    FoundStableJob,

    /// <summary>本人辞职</summary>
    Resigned,

    /// <summary>考核不合格/解除</summary>
    Dismissed,

    /// <summary>其他</summary>
    Other,
}
