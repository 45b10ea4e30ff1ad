namespace EmploymentPortal.Web.Features.Residents.FollowUp;

/// <summary>
/// Monthly follow-up (每月跟踪调查至少1次): a registered unemployed resident without a contact
/// dated in the current calendar month is overdue. The list is the staff list's query with
/// <see cref="ResidentListQueries.Filter.Overdue"/> (<see cref="ResidentListQueries.SeekOverdueAsync"/>),
/// so it is right at any moment; the month-end job keeps the record of past months.
/// </summary>
public static class FollowUpQueries
{
    public sealed record OverdueRow(Guid Id, string Name, string MaskedIdNumber, string CommunityName, DateOnly? LastContactOn);
}
