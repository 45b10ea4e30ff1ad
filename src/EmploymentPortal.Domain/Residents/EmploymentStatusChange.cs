using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// One entry of a resident's employment-status history (就业失业状态变更记录): from
/// <see cref="EffectiveFrom"/> the resident is in <see cref="Status"/> until the next entry.
/// Entries are only appended; durations are computed from them.
/// </summary>
public sealed class EmploymentStatusChange : Entity
{
    private EmploymentStatusChange()
    {
    }

    internal EmploymentStatusChange(Guid residentId, EmploymentStatus status, DateOnly effectiveFrom, string? note, string? registrationNumber)
    {
        ResidentId = residentId;
        Status = status;
        EffectiveFrom = effectiveFrom;
        Note = note;
        RegistrationNumber = registrationNumber;
    }

    public Guid ResidentId { get; private set; }

    public EmploymentStatus Status { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The employer, project or post, or the reason of a deregistration.</summary>
    public string? Note { get; private set; }

    /// <summary>The 失业登记号 issued with a registration; null on the other entries.</summary>
    public string? RegistrationNumber { get; private set; }
}
