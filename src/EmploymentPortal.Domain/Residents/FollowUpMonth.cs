using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// The closed follow-up record of one community for one calendar month (China time), written by
/// the month-end job: how many residents were registered unemployed at the end of the month and
/// which of them had no contact dated in that month (逾期未跟踪). Written once and never changed,
/// so coverage history stays as it was at month end even when contacts are logged later.
/// </summary>
public sealed class FollowUpMonth : Entity
{
    private readonly List<OverdueFollowUp> _overdue = [];

    private FollowUpMonth()
    {
    }

    /// <param name="communityId">The community whose station follows the residents up.</param>
    /// <param name="month">Any day of the month; stored as its first day.</param>
    /// <param name="registeredUnemployed">Residents registered unemployed on the month's last day.</param>
    /// <param name="overdueResidentIds">Those of them without a contact in the month.</param>
    /// <param name="closedAt">When the job closed the month.</param>
    public FollowUpMonth(Guid communityId, DateOnly month, int registeredUnemployed, IReadOnlyCollection<Guid> overdueResidentIds, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(overdueResidentIds);
        ArgumentOutOfRangeException.ThrowIfNegative(registeredUnemployed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(overdueResidentIds.Count, registeredUnemployed);
        CommunityId = communityId;
        Month = StartOf(month);
        RegisteredUnemployed = registeredUnemployed;
        OverdueCount = overdueResidentIds.Count;
        ClosedAt = closedAt.ToUniversalTime();
        _overdue.AddRange(overdueResidentIds.Select(id => new OverdueFollowUp(Id, id, communityId, Month)));
    }

    public Guid CommunityId { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>Registered unemployed at the end of the month (the denominator of coverage).</summary>
    public int RegisteredUnemployed { get; private set; }

    /// <summary>Registered unemployed without a contact in the month.</summary>
    public int OverdueCount { get; private set; }

    /// <summary>Registered unemployed with at least one contact in the month.</summary>
    public int Contacted => RegisteredUnemployed - OverdueCount;

    public DateTimeOffset ClosedAt { get; private set; }

    public IReadOnlyList<OverdueFollowUp> Overdue => _overdue;

    /// <summary>The first day of the month of <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The last day of the month of <paramref name="day"/>.</summary>
    public static DateOnly EndOf(DateOnly day) => StartOf(day).AddMonths(1).AddDays(-1);
}

/// <summary>One resident recorded overdue (逾期未跟踪) for a closed month.</summary>
public sealed class OverdueFollowUp : Entity
{
    private OverdueFollowUp()
    {
    }

    internal OverdueFollowUp(Guid followUpMonthId, Guid residentId, Guid communityId, DateOnly month)
    {
        FollowUpMonthId = followUpMonthId;
        ResidentId = residentId;
        CommunityId = communityId;
        Month = month;
    }

    public Guid FollowUpMonthId { get; private set; }

    public Guid ResidentId { get; private set; }

    public Guid CommunityId { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }
}
